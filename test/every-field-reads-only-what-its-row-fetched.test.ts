import { getNamedType, GraphQLField, GraphQLObjectType, isObjectType, isScalarType, isEnumType } from 'graphql';
import { User } from '../entities';
import { table } from '../src/db/rows';
import { gatewaySchema } from '../src/graphql/schema';
import { startTestGateway, TestGateway } from './helpers/gateway';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

const WINDOW = `from: "${new Date(Date.now() - 20 * 86400000).toISOString()}", to: "${new Date(Date.now() + 86400000).toISOString()}"`;

/** How each type is reached from a query root (the node level of a list). */
const PATHS: Record<string, (inner: string) => string> = {
  Organization: (s) => `organizations(first: 5) { nodes { ${s} } }`,
  Team: (s) => `teams(first: 5) { nodes { ${s} } }`,
  User: (s) => `users(first: 5) { nodes { ${s} } }`,
  VirtualKey: (s) => `keys(first: 5) { nodes { ${s} } }`,
  Budget: (s) => `budgets(first: 5) { nodes { ${s} } }`,
  EndUser: (s) => `endUsers(first: 5) { nodes { ${s} } }`,
  Model: (s) => `models(first: 5) { nodes { ${s} } }`,
  Invitation: (s) => `invitations(first: 5) { nodes { ${s} } }`,
  ModelAccessRequest: (s) => `modelAccessRequests(first: 5) { nodes { ${s} } }`,
  OrganizationMember: (s) => `organizations(first: 5) { nodes { members(first: 5) { nodes { ${s} } } } }`,
  TeamMember: (s) => `teams(first: 5) { nodes { members(first: 5) { nodes { ${s} } } } }`,
  SpendLog: (s) => `spendLogs(first: 5, filter: { ${WINDOW} }) { nodes { ${s} } }`,
  ErrorLog: (s) => `errorLogs(first: 5) { nodes { ${s} } }`,
  AuditLogEntry: (s) => `auditLogs(first: 5) { nodes { ${s} } }`,
};

/** The field alone, with the smallest selection its type needs. */
function select(field: GraphQLField<unknown, unknown>): string | null {
  const args = field.args.map((a) => a.name);
  let head = field.name;
  if (args.includes('from') && args.includes('to')) head += '(from: "2026-01-01", to: "2026-01-31")';
  else if (field.args.some((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined)) return null;
  const type = getNamedType(field.type);
  if (isScalarType(type) || isEnumType(type)) return head;
  if (isObjectType(type) && type.getFields().nodes) return `${head} { nodes { __typename } }`;
  return `${head} { __typename }`;
}

test('the suite reads rows strictly: a column a query did not fetch throws when read', () => {
  expect(process.env.LITELLM_GRAPHQL_STRICT_READS).toBe('true');
  const users = table(t.db.ds, User);
  const row = users.hydrate({ user_id: 'u1' });
  expect(row.id).toBe('u1');
  expect(() => row.email).toThrow(/LiteLLM_UserTable.email was read but the query did not fetch it/);
});

test('every field of every type, selected alone, finds the columns it reads (declared with reads())', async () => {
  const schema = gatewaySchema();
  const failures: string[] = [];
  let tried = 0;
  for (const [typeName, path] of Object.entries(PATHS)) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const field of Object.values(type.getFields())) {
      const selection = select(field);
      if (!selection) continue;
      tried++;
      const r = await t.gql(`{ ${path(selection)} }`);
      if (r.errors) failures.push(`${typeName}.${field.name}: ${r.errors.map((e) => `${e.extensions?.code} ${e.message}`).join('; ')}`);
    }
  }
  expect(failures).toEqual([]);
  expect(tried).toBeGreaterThan(150);
  // the internal errors, if any, were logged with the column that was not fetched
  expect(t.logs.filter((l) => l.includes('was read but'))).toEqual([]);
});
