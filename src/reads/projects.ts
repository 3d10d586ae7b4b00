import { DataSource } from 'typeorm';
import { Project } from '../../entities';
import { Policy } from '../auth/policy';
import { listPage, PageArgs } from '../paging';
import { PROJECT_ORDER } from './orders';

export interface ProjectFilter {
  ids?: string[] | null;
  teamId?: string | null;
  alias?: string | null;
}

/**
 * LiteLLM_ProjectTable by project_id (its primary key, the only index it has), within policy.projectScope.
 * teamId and alias have no index: LiteLLM keeps a few projects per team, so they read that small table.
 */
export function projectList(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: ProjectFilter | null) {
  return listPage(ds, {
    entity: Project,
    fields,
    order: PROJECT_ORDER,
    where: (x, p) => {
      const w = [policy.projectScope(x, p)];
      if (filter?.ids) w.push(`${x}.project_id = ANY(${p.add(filter.ids)}::text[])`);
      if (filter?.teamId) w.push(`${x}.team_id = ${p.add(filter.teamId)}`);
      if (filter?.alias) w.push(`${x}.project_alias = ${p.add(filter.alias)}`);
      return w;
    },
  }, args);
}
