import { GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, GraphQLJSON, SafeIntResolver } from 'graphql-scalars';
import { badInput } from './errors';

export { DateTimeResolver as DateTimeScalar, GraphQLJSON as JSONScalar, SafeIntResolver as SafeIntScalar };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value)) throw badInput('Date', `expected YYYY-MM-DD, got ${JSON.stringify(value)}`);
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw badInput('Date', `${value} is not a calendar date`);
  if (value < '0001-01-01') throw badInput('Date', `${value} is before 0001-01-01, the first day PostgreSQL knows`);
  return value;
}

/** A calendar day, YYYY-MM-DD, as LiteLLM's daily tables store it. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (UTC day, as in LiteLLM daily spend tables)',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
