import fs from 'node:fs';
import path from 'node:path';
import { NestedOrganizationsQuery } from './generated/operations';
import { startTestGateway, TestGateway } from './helpers/gateway';

const NESTED = fs.readFileSync(path.join(__dirname, 'operations/nested-organizations.graphql'), 'utf8');

async function measure(organizations: number) {
  const t: TestGateway = await startTestGateway({
    seed: { organizations, teamsPerOrganization: 3, users: organizations * 6, keysPerUser: 1, serviceKeysPerTeam: 0, spendLogs: 2000, endUsers: 2 },
  });
  try {
    const r = await t.gql<NestedOrganizationsQuery>(NESTED);
    expect(r.errors).toBeUndefined();
    const orgs = r.data.organizations.nodes;
    const members = orgs.flatMap((o) => o.teams.nodes.flatMap((tm) => tm.members.nodes));
    return { statements: r.statements, orgs: orgs.length, members: members.length, withUser: members.filter((m) => m.user).length };
  } finally {
    await t.close();
  }
}

test('organizations → teams → members → user, spend: the same four statements on 2 and on 200 organizations', async () => {
  const small = await measure(2);
  const large = await measure(200);
  expect(small.orgs).toBe(2);
  expect(large.orgs).toBe(20);
  expect(large.members).toBeGreaterThan(small.members * 5);
  expect(large.withUser).toBe(large.members);
  // organizations, teams (LATERAL per organization), TeamMembership by (user, team) pairs, users by id
  expect(small.statements).toHaveLength(4);
  expect(large.statements).toHaveLength(4);
  expect(large.statements.map((s) => s.replace(/LIMIT \d+/g, 'LIMIT n'))).toEqual(small.statements.map((s) => s.replace(/LIMIT \d+/g, 'LIMIT n')));
  expect(large.statements.join('\n')).toMatch(/CROSS JOIN LATERAL/);
});
