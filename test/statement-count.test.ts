import fs from 'node:fs';
import path from 'node:path';
import { NestedOrganizationsQuery } from './generated/operations';
import { startTestGateway, TestGateway } from './helpers/gateway';

const NESTED = fs.readFileSync(path.join(__dirname, 'operations/nested-organizations.graphql'), 'utf8');

/** The nested view on a database of this width, read by the resolvers and as JSON (src/graphql/json-read.ts). */
async function measure(organizations: number) {
  const t: TestGateway = await startTestGateway({
    seed: { organizations, teamsPerOrganization: 3, users: organizations * 6, keysPerUser: 1, serviceKeysPerTeam: 0, spendLogs: 2000, endUsers: 2 },
    config: { jsonReads: false },
  });
  const json = await startTestGateway({ db: t.db });
  try {
    const r = await t.gql<NestedOrganizationsQuery>(NESTED);
    expect(r.errors).toBeUndefined();
    const asJson = await json.gql<NestedOrganizationsQuery>(NESTED);
    expect(asJson.body).toEqual(r.body);
    const orgs = r.data.organizations.nodes;
    const members = orgs.flatMap((o) => o.teams.nodes.flatMap((tm) => tm.members.nodes));
    return { statements: r.statements, jsonStatements: asJson.statements, orgs: orgs.length, members: members.length, withUser: members.filter((m) => m.user).length };
  } finally {
    await json.close();
    await t.close();
  }
}

test('organizations → teams → members → user, spend: one statement as JSON, three by the resolvers, on 2 and on 200 organizations', async () => {
  const small = await measure(2);
  const large = await measure(200);
  expect(small.jsonStatements).toHaveLength(1);
  expect(large.jsonStatements).toHaveLength(1);
  expect(large.jsonStatements[0].replace(/LIMIT \d+/g, 'LIMIT n')).toBe(small.jsonStatements[0].replace(/LIMIT \d+/g, 'LIMIT n'));
  expect(small.orgs).toBe(2);
  expect(large.orgs).toBe(20);
  expect(large.members).toBeGreaterThan(small.members * 5);
  expect(large.withUser).toBe(large.members);
  // organizations, teams (LATERAL per organization), members of every team with their TeamMembership and user rows
  expect(small.statements).toHaveLength(3);
  expect(large.statements).toHaveLength(3);
  expect(large.statements.map((s) => s.replace(/LIMIT \d+/g, 'LIMIT n'))).toEqual(small.statements.map((s) => s.replace(/LIMIT \d+/g, 'LIMIT n')));
  expect(large.statements.join('\n')).toMatch(/CROSS JOIN LATERAL/);
});

describe('generateKey', () => {
  const GEN = `mutation($input: GenerateKeyInput!) { generateKey(input: $input) { key info { token keyName } } }`;
  const statementsOf = async (t: TestGateway, input: Record<string, unknown>) => {
    const r = await t.gql(GEN, { input });
    expect(r.errors).toBeUndefined();
    const [{ n }] = await t.db.ds.query(`SELECT count(*)::int AS n FROM "LiteLLM_VerificationToken" WHERE token = $1`, [r.data.generateKey.info.token]);
    expect(n).toBe(1);
    return r.statements.map((s) => s.split(' ')[0]);
  };

  test('a key with nothing to check or audit is one INSERT, with no transaction around it; anything more is one transaction', async () => {
    const t = await startTestGateway({ config: { storeAuditLogs: false } });
    const audited = await startTestGateway({ config: { storeAuditLogs: true } });
    try {
      expect(await statementsOf(t, { maxBudget: 10, budgetDuration: '30d', models: ['gpt-4o'] })).toEqual(['INSERT']);
      expect(await statementsOf(t, { keyAlias: 'one-statement-test' })).toEqual(['START', 'SELECT', 'SELECT', 'INSERT', 'COMMIT']);
      expect(await statementsOf(audited, { maxBudget: 10 })).toEqual(['START', 'INSERT', 'INSERT', 'COMMIT']);
    } finally {
      await Promise.all([t.close(), audited.close()]);
    }
  });
});
