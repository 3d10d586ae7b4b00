import { DocumentNode, FragmentDefinitionNode, getNamedType, GraphQLSchema, isObjectType, Kind, OperationDefinitionNode, SelectionSetNode, TypeInfo, visit, visitWithTypeInfo } from 'graphql';

/** The object types a mutation's root fields return. */
export function mutationResultTypes(schema: GraphQLSchema, rootFields: string[]): string[] {
  const fields = schema.getMutationType()?.getFields() ?? {};
  return rootFields.map((name) => fields[name] && getNamedType(fields[name].type)).filter(isObjectType).map((t) => t.name);
}

/** The root field names an operation selects, through fragments and inline fragments. */
export function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) names.add(sel.name.value);
      else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const f = fragments.get(sel.name.value);
        if (f) walk(f.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  names.delete('__typename');
  return [...names];
}

/** Every field the operation selects, by the GraphQL type it is selected on (fragments included). */
export function fieldsByType(schema: GraphQLSchema, document: DocumentNode): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith('__')) return;
        if (!out.has(parent.name)) out.set(parent.name, new Set());
        out.get(parent.name)!.add(node.name.value);
      },
    }),
  );
  return out;
}

/**
 * Field extension (type-graphql's @Extensions) declaring the entity properties a field resolver reads from
 * its parent row, beside its own name: the loader of the parent then fetches their columns too. The test
 * suite reads rows strictly (src/db/rows.ts), so a missing declaration fails instead of reading undefined.
 */
export const reads = (...properties: string[]) => ({ reads: properties });

export type Selection = Map<string, Set<string>>;

/** Reads that depend on what else the operation selects (fetched whenever `when` says so). */
export const readsWhen = (when: (selection: Selection) => boolean, ...properties: string[]) => ({ readsWhen: { when, properties } });

type ConditionalReads = { when: (selection: Selection) => boolean; properties: string[] };
const FIELD_READS = new Map<string, Map<string, string[]>>();
const FIELD_READS_WHEN = new Map<string, Map<string, ConditionalReads>>();

/** Collects every field's declared reads from the built schema. */
export function collectReads(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const declared = field.extensions?.reads as string[] | undefined;
      if (declared) {
        if (!FIELD_READS.has(type.name)) FIELD_READS.set(type.name, new Map());
        FIELD_READS.get(type.name)!.set(field.name, declared);
      }
      const conditional = field.extensions?.readsWhen as ConditionalReads | undefined;
      if (conditional) {
        if (!FIELD_READS_WHEN.has(type.name)) FIELD_READS_WHEN.set(type.name, new Map());
        FIELD_READS_WHEN.get(type.name)!.set(field.name, conditional);
      }
    }
  }
  return schema;
}

export function neededProperties(selection: Selection, typeName: string): Set<string> {
  const needs = FIELD_READS.get(typeName);
  const needsWhen = FIELD_READS_WHEN.get(typeName);
  const out = new Set<string>();
  for (const field of selection.get(typeName) ?? []) {
    out.add(field);
    for (const p of needs?.get(field) ?? []) out.add(p);
    const conditional = needsWhen?.get(field);
    if (conditional?.when(selection)) for (const p of conditional.properties) out.add(p);
  }
  return out;
}
