import { DataSource } from 'typeorm';
import { VirtualKey } from '../../entities';
import { Policy } from '../auth/policy';
import { table } from '../db/rows';
import { Params } from '../db/sql';
import { ChildrenSpec, listPage, ListSpec, PageArgs } from '../paging';
import { KEY_CREATED_ORDER, KEY_ORDER, KEY_SPEND_ORDER } from './orders';

export type KeyFilter = {
  userId?: string | null;
  teamId?: string | null;
  alias?: string | null;
  aliasPrefix?: string | null;
  organizationId?: string | null;
  projectId?: string | null;
  budgetId?: string | null;
  blocked?: boolean | null;
  expiresAfter?: Date | null;
  expiresBefore?: Date | null;
} | null;

/** Filters LiteLLM has no index for on VerificationToken: without userId or teamId they read the whole key table. */
const UNINDEXED_KEY_FILTERS = ['alias', 'aliasPrefix', 'organizationId', 'projectId', 'budgetId', 'blocked', 'expiresAfter', 'expiresBefore'] as const;

export type KeyOrderName = 'TOKEN_ASC' | 'TOKEN_DESC' | 'SPEND_DESC' | 'SPEND_ASC' | 'CREATED_AT_DESC' | 'CREATED_AT_ASC';

/** Does this list read every key (no indexed column narrows it)? The complexity limit counts it (LIST_SCAN_COST). */
export function keyFilterScans(filter: KeyFilter | undefined, order: KeyOrderName | undefined = 'TOKEN_ASC'): boolean {
  if (filter?.userId || filter?.teamId) return false;
  return (order !== 'TOKEN_ASC' && order !== 'TOKEN_DESC') || (!!filter && UNINDEXED_KEY_FILTERS.some((f) => filter[f] !== undefined && filter[f] !== null));
}

const KEY_ORDERS = {
  TOKEN_ASC: KEY_ORDER,
  TOKEN_DESC: { ...KEY_ORDER, direction: 'DESC' },
  SPEND_DESC: KEY_SPEND_ORDER,
  SPEND_ASC: { ...KEY_SPEND_ORDER, direction: 'ASC' },
  CREATED_AT_DESC: KEY_CREATED_ORDER,
  CREATED_AT_ASC: { ...KEY_CREATED_ORDER, direction: 'ASC' },
} as const;

/** The root key list: what the caller may see, filtered, by hash or by spend (the hash breaking ties). */
export function keyListSpec(policy: Policy, filter: KeyFilter, order: KeyOrderName = 'TOKEN_ASC'): ListSpec<VirtualKey> {
  return {
    entity: VirtualKey,
    order: KEY_ORDERS[order] ?? KEY_ORDER,
    scans: keyFilterScans(filter, order),
    where: (x, p) => {
      const w = [policy.keyScope(x, p)];
      if (filter?.userId) w.push(`${x}.user_id = ${p.add(filter.userId)}`);
      if (filter?.teamId) w.push(`${x}.team_id = ${p.add(filter.teamId)}`);
      if (filter?.alias) w.push(`${x}.key_alias = ${p.add(filter.alias)}`);
      if (filter?.aliasPrefix) w.push(`starts_with(${x}.key_alias, ${p.add(filter.aliasPrefix)})`);
      if (filter?.organizationId) w.push(`${x}.organization_id = ${p.add(filter.organizationId)}`);
      if (filter?.projectId) w.push(`${x}.project_id = ${p.add(filter.projectId)}`);
      if (filter?.budgetId) w.push(`${x}.budget_id = ${p.add(filter.budgetId)}`);
      if (filter?.blocked === true) w.push(`${x}.blocked IS TRUE`);
      if (filter?.blocked === false) w.push(`${x}.blocked IS NOT TRUE`);
      if (filter?.expiresAfter) w.push(`${x}.expires >= ${p.add(filter.expiresAfter)}`);
      if (filter?.expiresBefore) w.push(`${x}.expires <= ${p.add(filter.expiresBefore)}`);
      return w;
    },
  };
}

export function keyList(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: KeyFilter, order: KeyOrderName) {
  return listPage(ds, { ...keyListSpec(policy, filter, order), fields }, args);
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
