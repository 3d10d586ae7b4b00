import DataLoader from 'dataloader';
import { tracedBatch } from '../tracing';
import { DataSource } from 'typeorm';
import { AccessGroup, Credential, TeamModelAliases } from '../../entities';
import { table } from '../db/rows';
import { listPage, PageArgs } from '../paging';
import { ACCESS_GROUP_ORDER, CREDENTIAL_ORDER } from './orders';

export interface CredentialFilter {
  name?: string | null;
}

export interface AccessGroupFilter {
  ids?: string[] | null;
  name?: string | null;
}

/**
 * LiteLLM_CredentialsTable by credential_id; name on its unique index. credential_values is on the deny-list
 * (entities/secrets.ts): rows.table() never selects it, whatever is asked.
 */
export function credentialList(ds: DataSource, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: CredentialFilter | null) {
  return listPage(ds, {
    entity: Credential,
    fields,
    order: CREDENTIAL_ORDER,
    where: (x, p) => (filter?.name ? [`${x}.credential_name = ${p.add(filter.name)}`] : []),
  }, args);
}

/** LiteLLM_AccessGroupTable by access_group_id; name on its unique index. */
export function accessGroupList(ds: DataSource, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: AccessGroupFilter | null) {
  return listPage(ds, {
    entity: AccessGroup,
    fields,
    order: ACCESS_GROUP_ORDER,
    where: (x, p) => {
      const w: string[] = [];
      if (filter?.ids) w.push(`${x}.access_group_id = ANY(${p.add(filter.ids)}::text[])`);
      if (filter?.name) w.push(`${x}.access_group_name = ${p.add(filter.name)}`);
      return w;
    },
  }, args);
}

/** A team's model aliases (LiteLLM_ModelTable.aliases, by TeamTable.model_id, an integer primary key): one statement per batch. */
export function modelAliasesLoader(ds: DataSource) {
  return new DataLoader<number, unknown>(tracedBatch('model aliases by id', async (ids) => {
    const t = table(ds, TeamModelAliases);
    const rows: { id: number; aliases: unknown }[] = await ds.query(`SELECT x.id, x.aliases FROM ${t.table} x WHERE x.id = ANY($1::int[])`, [ids]);
    const byId = new Map(rows.map((r) => [Number(r.id), r.aliases]));
    return ids.map((id) => byId.get(Number(id)) ?? null);
  }));
}
