import { DataSource } from 'typeorm';
import { Organization, Team, User, VirtualKey } from '../../entities';
import { Policy } from '../auth/policy';
import { table } from '../db/rows';
import { Params } from '../db/sql';
import { PageArgs } from '../graphql/connection';
import { KEY_ORDER, ORGANIZATION_ORDER, TEAM_ORDER, USER_ORDER } from '../loaders/orders';
import { listPage } from '../loaders/paging';

/**
 * The read SQL of the root lists: each filter on an index LiteLLM has, each list inside the caller's scope.
 * Resolvers call these and write no SQL themselves.
 */
type Fields = ReadonlySet<string> | undefined;

export function keyList(ds: DataSource, policy: Policy, fields: Fields, args: PageArgs, filter: { userId?: string | null; teamId?: string | null } | null, descending: boolean) {
  return listPage(ds, {
    entity: VirtualKey,
    fields,
    order: { ...KEY_ORDER, direction: descending ? 'DESC' : 'ASC' },
    where: (x, p) => {
      const w = [policy.keyScope(x, p)];
      if (filter?.userId) w.push(`${x}.user_id = ${p.add(filter.userId)}`);
      if (filter?.teamId) w.push(`${x}.team_id = ${p.add(filter.teamId)}`);
      return w;
    },
  }, args);
}

/** LiteLLM has no index on key_alias: this lookup reads the key table. */
export async function keyByAlias(ds: DataSource, policy: Policy, fields: Fields, alias: string): Promise<VirtualKey | null> {
  const t = table(ds, VirtualKey);
  const p = new Params([alias]);
  const rows = await ds.query(`SELECT ${t.select('x', fields)} FROM ${t.table} x WHERE x.key_alias = $1 AND ${policy.keyScope('x', p)} LIMIT 1`, p.values);
  return rows[0] ? t.hydrate(rows[0]) : null;
}

export function teamList(ds: DataSource, policy: Policy, fields: Fields, args: PageArgs, filter: { ids?: string[] | null; organizationId?: string | null; alias?: string | null } | null) {
  return listPage(ds, {
    entity: Team,
    fields,
    order: TEAM_ORDER,
    where: (x, p) => {
      const w = [policy.teamScope(x, p)];
      if (filter?.ids) w.push(`${x}.team_id = ANY(${p.add(filter.ids)}::text[])`);
      if (filter?.organizationId) w.push(`${x}.organization_id = ${p.add(filter.organizationId)}`);
      if (filter?.alias) w.push(`${x}.team_alias = ${p.add(filter.alias)}`);
      return w;
    },
  }, args);
}

export function userList(ds: DataSource, policy: Policy, fields: Fields, args: PageArgs, filter: { ids?: string[] | null; email?: string | null } | null) {
  return listPage(ds, {
    entity: User,
    fields,
    order: USER_ORDER,
    where: (x, p) => {
      const w = [policy.userScope(x, p)];
      if (filter?.ids) w.push(`${x}.user_id = ANY(${p.add(filter.ids)}::text[])`);
      if (filter?.email) w.push(`lower(${x}.user_email) = lower(${p.add(filter.email)})`);
      return w;
    },
  }, args);
}

export function organizationList(ds: DataSource, policy: Policy, fields: Fields, args: PageArgs, filter: { ids?: string[] | null } | null) {
  return listPage(ds, {
    entity: Organization,
    fields,
    order: ORGANIZATION_ORDER,
    where: (x, p) => [policy.organizationScope(x, p), ...(filter?.ids ? [`${x}.organization_id = ANY(${p.add(filter.ids)}::text[])`] : [])],
  }, args);
}
