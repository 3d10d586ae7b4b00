import { DataSource } from 'typeorm';
import { Tag } from '../../entities';
import { Policy } from '../auth/policy';
import { listPage, PageArgs } from '../paging';
import { TAG_ORDER } from './orders';

export interface TagFilter {
  names?: string[] | null;
  budgetId?: string | null;
}

/**
 * LiteLLM_TagTable by tag_name (its primary key, the only index it has), within policy.tagScope: admins and
 * viewers every tag, others the tags their own keys spent under (as LiteLLM's /tag/list). A budgetId filter has no
 * index and reads the table, which holds one row per configured tag.
 */
export function tagList(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: TagFilter | null) {
  return listPage(ds, {
    entity: Tag,
    fields,
    order: TAG_ORDER,
    where: (x, p) => {
      const w = [policy.tagScope(x, p)];
      if (filter?.names) w.push(`${x}.tag_name = ANY(${p.add(filter.names)}::text[])`);
      if (filter?.budgetId) w.push(`${x}.budget_id = ${p.add(filter.budgetId)}`);
      return w;
    },
  }, args);
}
