import { DataSource } from 'typeorm';
import { Team } from '../../entities';
import { Policy } from '../auth/policy';
import { listPage, PageArgs } from '../paging';
import { TEAM_ORDER } from './orders';

export function teamList(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: { ids?: string[] | null; organizationId?: string | null; alias?: string | null } | null) {
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
