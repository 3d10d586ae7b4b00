import DataLoader from 'dataloader';
import { tracedBatch } from '../tracing';
import { DataSource } from 'typeorm';
import { DeletedTeam, DeletedVirtualKey } from '../../entities';
import { Policy } from '../auth/policy';
import { table } from '../db/rows';
import { Params } from '../db/sql';
import { listPage, PageArgs } from '../paging';
import { hashKey } from '../services/key-format';
import { DELETED_KEY_ORDER, DELETED_TEAM_ORDER } from './orders';

export interface DeletedKeyFilter {
  token?: string | null;
  keyAlias?: string | null;
  userId?: string | null;
  teamId?: string | null;
  organizationId?: string | null;
  deletedFrom?: Date | null;
  deletedTo?: Date | null;
}

export interface DeletedTeamFilter {
  teamId?: string | null;
  teamAlias?: string | null;
  organizationId?: string | null;
  deletedFrom?: Date | null;
  deletedTo?: Date | null;
}

/** LiteLLM_DeletedVerificationToken, newest deletion first; every filter is an indexed column. */
export function deletedKeyList(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: DeletedKeyFilter | null) {
  return listPage(ds, {
    entity: DeletedVirtualKey,
    fields,
    order: DELETED_KEY_ORDER,
    where: (x, p) => {
      const w = [policy.deletedKeyScope(x, p)];
      // as everywhere: a raw sk- key is hashed, anything else is taken as a hash
      if (filter?.token) w.push(`${x}.token = ${p.add(filter.token.startsWith('sk-') ? hashKey(filter.token) : filter.token)}`);
      if (filter?.keyAlias) w.push(`${x}.key_alias = ${p.add(filter.keyAlias)}`);
      if (filter?.userId) w.push(`${x}.user_id = ${p.add(filter.userId)}`);
      if (filter?.teamId) w.push(`${x}.team_id = ${p.add(filter.teamId)}`);
      if (filter?.organizationId) w.push(`${x}.organization_id = ${p.add(filter.organizationId)}`);
      if (filter?.deletedFrom) w.push(`${x}.deleted_at >= ${p.add(filter.deletedFrom)}`);
      if (filter?.deletedTo) w.push(`${x}.deleted_at <= ${p.add(filter.deletedTo)}`);
      return w;
    },
  }, args);
}

/** LiteLLM_DeletedTeamTable, newest deletion first; every filter is an indexed column. */
export function deletedTeamList(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: DeletedTeamFilter | null) {
  return listPage(ds, {
    entity: DeletedTeam,
    fields,
    order: DELETED_TEAM_ORDER,
    where: (x, p) => {
      const w = [policy.deletedTeamScope(x, p)];
      if (filter?.teamId) w.push(`${x}.team_id = ${p.add(filter.teamId)}`);
      if (filter?.teamAlias) w.push(`${x}.team_alias = ${p.add(filter.teamAlias)}`);
      if (filter?.organizationId) w.push(`${x}.organization_id = ${p.add(filter.organizationId)}`);
      if (filter?.deletedFrom) w.push(`${x}.deleted_at >= ${p.add(filter.deletedFrom)}`);
      if (filter?.deletedTo) w.push(`${x}.deleted_at <= ${p.add(filter.deletedTo)}`);
      return w;
    },
  }, args);
}

/**
 * The latest tombstone of each key (by token) or team (by team_id) the caller may see, one statement per
 * batch on the token / team_id index: a token or team id can have been tombstoned more than once.
 */
export function latestTombstones<T extends DeletedVirtualKey | DeletedTeam>(ds: DataSource, entity: typeof DeletedVirtualKey | typeof DeletedTeam, column: 'token' | 'team_id', scope: (a: string, p: Params) => string, fields?: ReadonlySet<string>) {
  return new DataLoader<string, T | null>(tracedBatch(`${entity.name} latest by ${column}`, async (ids) => {
    const t = table(ds, entity);
    const p = new Params([ids]);
    const rows: Record<string, unknown>[] = await ds.query(
      `SELECT DISTINCT ON (x.${column}) ${t.select('x', fields, [column, 'deleted_at', 'id'])} FROM ${t.table} x
        WHERE x.${column} = ANY($1::text[]) AND ${scope('x', p)} ORDER BY x.${column}, x.deleted_at DESC, x.id DESC`,
      p.values,
    );
    const byId = new Map(rows.map((r) => [r[column] as string, t.hydrate(r) as T]));
    return ids.map((id) => byId.get(id) ?? null);
  }));
}
