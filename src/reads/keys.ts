import { DataSource } from 'typeorm';
import { VirtualKey } from '../../entities';
import { Policy } from '../auth/policy';
import { table } from '../db/rows';
import { Params } from '../db/sql';
import { ChildrenSpec, listPage, ListSpec, PageArgs } from '../paging';
import { KEY_ORDER } from './orders';

export type KeyFilter = { userId?: string | null; teamId?: string | null } | null;

/** The root key list: what the caller may see, filtered, by hash. */
export function keyListSpec(policy: Policy, filter: KeyFilter, descending: boolean): ListSpec<VirtualKey> {
  return {
    entity: VirtualKey,
    order: { ...KEY_ORDER, direction: descending ? 'DESC' : 'ASC' },
    where: (x, p) => {
      const w = [policy.keyScope(x, p)];
      if (filter?.userId) w.push(`${x}.user_id = ${p.add(filter.userId)}`);
      if (filter?.teamId) w.push(`${x}.team_id = ${p.add(filter.teamId)}`);
      return w;
    },
  };
}

export function keyList(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: KeyFilter, descending: boolean) {
  return listPage(ds, { ...keyListSpec(policy, filter, descending), fields }, args);
}

/** Keys of one team, user or organization (LiteLLM has no index on VerificationToken.organization_id). */
export function keysOf(policy: Policy, parentColumn: 'team_id' | 'user_id' | 'organization_id'): ChildrenSpec<VirtualKey> {
  return { entity: VirtualKey, parentColumn, order: KEY_ORDER, scope: (a, p) => policy.keyScope(a, p) };
}

/** LiteLLM has no index on key_alias: this lookup reads the key table. */
export async function keyByAlias(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, alias: string): Promise<VirtualKey | null> {
  const t = table(ds, VirtualKey);
  const p = new Params([alias]);
  const rows = await ds.query(`SELECT ${t.select('x', fields)} FROM ${t.table} x WHERE x.key_alias = $1 AND ${policy.keyScope('x', p)} LIMIT 1`, p.values);
  return rows[0] ? t.hydrate(rows[0]) : null;
}
