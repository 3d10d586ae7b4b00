import { DataSource } from 'typeorm';
import { VirtualKey } from '../../entities';
import { Policy } from '../auth/policy';
import { table } from '../db/rows';
import { Params } from '../db/sql';
import { listPage, PageArgs } from '../paging';
import { KEY_ORDER } from './orders';

export function keyList(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: { userId?: string | null; teamId?: string | null } | null, descending: boolean) {
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
export async function keyByAlias(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, alias: string): Promise<VirtualKey | null> {
  const t = table(ds, VirtualKey);
  const p = new Params([alias]);
  const rows = await ds.query(`SELECT ${t.select('x', fields)} FROM ${t.table} x WHERE x.key_alias = $1 AND ${policy.keyScope('x', p)} LIMIT 1`, p.values);
  return rows[0] ? t.hydrate(rows[0]) : null;
}
