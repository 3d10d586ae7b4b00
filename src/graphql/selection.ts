import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, out: Map<string, FieldNode[]>): void {
  for (const sel of set?.selections ?? []) {
    if (sel.kind === Kind.FIELD) out.set(sel.name.value, [...(out.get(sel.name.value) ?? []), sel]);
    else if (sel.kind === Kind.INLINE_FRAGMENT) fieldsOf(sel.selectionSet, info, out);
    else fieldsOf(info.fragments[sel.name.value]?.selectionSet, info, out);
  }
}

function children(nodes: FieldNode[], info: GraphQLResolveInfo): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  for (const n of nodes) fieldsOf(n.selectionSet, info, out);
  return out;
}

/** Field names the query selects on a connection's nodes (under `nodes` and `edges { node }`). */
export function selectedNodeFields(info: GraphQLResolveInfo): Set<string> {
  const top = children(info.fieldNodes as FieldNode[], info);
  const names = new Set<string>();
  for (const f of children(top.get('nodes') ?? [], info).keys()) names.add(f);
  for (const f of children(children(top.get('edges') ?? [], info).get('node') ?? [], info).keys()) names.add(f);
  return names;
}
