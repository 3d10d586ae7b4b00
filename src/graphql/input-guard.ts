import { defaultFieldResolver, GraphQLInputType, GraphQLSchema, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType } from 'graphql';
import { badInput } from './errors';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const MAX_JSON_DEPTH = 64;
// The instants that PostgreSQL's timestamp and JavaScript's Date both read back as ISO-8601 with a 4-digit year.
const FIRST_INSTANT = Date.parse('0001-01-01T00:00:00.000Z');
const LAST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

/** Why PostgreSQL cannot take this text, or null when it can. */
export function unstorableText(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain the NUL character (\\u0000), which PostgreSQL cannot store';
  if (LONE_SURROGATE.test(s)) return 'holds a lone UTF-16 surrogate, which is not valid Unicode text';
  return null;
}

function text(path: string, s: string): void {
  const why = unstorableText(s);
  if (why) throw badInput(path, why);
}

function json(path: string, value: unknown): void {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') text(path, v);
    else if (v !== null && typeof v === 'object') {
      if (depth > MAX_JSON_DEPTH) throw badInput(path, `is nested deeper than ${MAX_JSON_DEPTH} levels`);
      for (const [key, child] of Object.entries(v)) {
        text(path, key);
        stack.push([child, depth + 1]);
      }
    }
  }
}

function check(type: GraphQLInputType, value: unknown, path: string): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return check(type.ofType, value, path);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((v, i) => check(type.ofType, v, `${path}[${i}]`));
    else check(type.ofType, value, path);
    return;
  }
  if (isInputObjectType(type)) {
    for (const f of Object.values(type.getFields())) check(f.type, (value as Record<string, unknown>)[f.name], `${path}.${f.name}`);
    return;
  }
  if (!isScalarType(type)) return;
  switch (type.name) {
    case 'String':
    case 'ID':
      if (typeof value === 'string') text(path, value);
      return;
    case 'Float':
      if (!Number.isFinite(value)) throw badInput(path, `must be a finite number, got ${value}`);
      return;
    case 'DateTime':
      if (value instanceof Date && !(value.getTime() >= FIRST_INSTANT && value.getTime() <= LAST_INSTANT))
        throw badInput(path, `${Number.isNaN(value.getTime()) ? 'is not a valid instant' : `${value.toISOString()} is out of range`}: give an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z`);
      return;
    case 'JSON':
      json(path, value);
  }
}

/** The guard on one field's coerced arguments (for reads that do not go through the field's resolver). */
export function checkArguments(field: { args: readonly { name: string; type: GraphQLInputType }[] }, values: Record<string, unknown>): void {
  for (const a of field.args) check(a.type, values[a.name], a.name);
}

/**
 * Every field that takes arguments checks them, once coerced, before its resolver (and so any SQL) runs:
 * no NUL or lone surrogate in any text, JSON keys and values included; finite floats; instants PostgreSQL
 * and JavaScript both represent; JSON nested at most MAX_JSON_DEPTH levels.
 */
export function guardArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.length) continue;
      const { args } = field;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, values, context, info) => {
        for (const a of args) check(a.type, values[a.name], a.name);
        return resolve(source, values, context, info);
      };
    }
  }
  return schema;
}
