import { GraphQLSchema, isInterfaceType, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { getMetadataArgsStorage } from 'typeorm';
import { MASKED_JSON, SECRET_COLUMNS } from '../../entities/secrets';

export interface SecretFieldViolation {
  field: string;
  column: string;
  why: string;
}

function ancestors(target: Function): Function[] {
  const out: Function[] = [];
  for (let t: Function | null = target; t && t !== Function.prototype; t = Object.getPrototypeOf(t)) out.push(t);
  return out;
}

/** table.column of each entity property of a class (inherited ones too), from TypeORM's decorators. */
function columnsOf(target: Function): Map<string, string> {
  const args = getMetadataArgsStorage();
  const lineage = ancestors(target);
  const entity = args.tables.find((t) => lineage.includes(t.target as Function));
  const out = new Map<string, string>();
  if (!entity || typeof entity.name !== 'string') return out;
  for (const c of args.filterColumns(lineage)) out.set(c.propertyName, `${entity.name}.${c.options.name ?? c.propertyName}`);
  return out;
}

/**
 * Every field of the schema that shows a deny-listed column (entities/secrets.ts): a field backed by the
 * column's entity property, or one whose resolver declares it reads it (@Extensions(reads(...))). A column
 * with `filteredBy` may be shown by a field resolver (which applies the allow-list), never by a plain field;
 * a free-form JSON column (MASKED_JSON) also by a field with the masksSecrets extension.
 */
export function fieldsShowingSecrets(schema: GraphQLSchema): SecretFieldViolation[] {
  const storage = getMetadataStorage();
  const violations: SecretFieldViolation[] = [];
  const classes = [...storage.objectTypes, ...storage.interfaceTypes];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const meta = classes.find((c) => c.name === type.name);
    if (!meta) continue;
    const lineage = ancestors(meta.target);
    const columns = columnsOf(meta.target);
    if (!columns.size) continue;
    for (const field of Object.values(type.getFields())) {
      const declared = storage.fields.find((f) => lineage.includes(f.target) && f.schemaName === field.name);
      const resolver = storage.fieldResolvers.find(
        (r) => r.schemaName === field.name && (r.kind === 'internal' ? lineage.includes(r.target) : lineage.includes((r.getObjectType?.() ?? r.resolverClassMetadata?.getObjectType()) as Function)),
      );
      const extensions = field.extensions as { reads?: string[]; readsWhen?: { properties: string[] }; masksSecrets?: boolean } | undefined;
      const properties = new Set([declared?.name ?? field.name, ...(extensions?.reads ?? []), ...(extensions?.readsWhen?.properties ?? [])]);
      for (const property of properties) {
        const column = columns.get(property);
        const secret = column ? SECRET_COLUMNS[column] : undefined;
        if (!column || !secret) continue;
        // free-form JSON leaves only masked: through the field's masksSecrets, or a resolver of its own
        if (secret.filteredBy && (resolver || (secret.filteredBy === MASKED_JSON && extensions?.masksSecrets))) continue;
        violations.push({ field: `${type.name}.${field.name}`, column, why: secret.why });
      }
    }
  }
  return violations;
}
