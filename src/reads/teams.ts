import { DataSource } from 'typeorm';
import { Team } from '../../entities';
import { Policy } from '../auth/policy';
import { ChildrenSpec, listPage, ListSpec, PageArgs } from '../paging';
import { TEAM_ORDER } from './orders';

export type TeamFilter = { ids?: string[] | null; organizationId?: string | null; alias?: string | null } | null;

export function teamList(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: TeamFilter) {
  return listPage(ds, { ...teamListSpec(policy, filter), fields }, args);
}

/** Teams of one organization that the caller may see. */
export function teamsOfOrganization(policy: Policy): ChildrenSpec<Team> {
  return { entity: Team, parentColumn: 'organization_id', order: TEAM_ORDER, scope: (a, p) => policy.teamScope(a, p) };
}

/** The root team list: what the caller may see, filtered. */
export function teamListSpec(policy: Policy, filter: TeamFilter): ListSpec<Team> {
  return {
    entity: Team,
    order: TEAM_ORDER,
    where: (x, p) => {
      const w = [policy.teamScope(x, p)];
      if (filter?.ids) w.push(`${x}.team_id = ANY(${p.add(filter.ids)}::text[])`);
      if (filter?.organizationId) w.push(`${x}.organization_id = ${p.add(filter.organizationId)}`);
      if (filter?.alias) w.push(`${x}.team_alias = ${p.add(filter.alias)}`);
      return w;
    },
  };
}
