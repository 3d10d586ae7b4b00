import { DataSource } from 'typeorm';
import { Tag } from '../../entities';
import { listPage, PageArgs } from '../paging';
import { TAG_ORDER } from './orders';

export interface TagFilter {
  names?: string[] | null;
  budgetId?: string | null;
}

/**
 * LiteLLM_TagTable by tag_name (its primary key, the only index it has). Tags are global proxy configuration: the
 * resolver lets only admins and viewers here (recent LiteLLM releases also show an internal user the tags its own
 * keys spent under, found in DailyTagSpend by api_key; this API does not, yet). A budgetId filter has no index and
 * reads the table, which holds one row per configured tag.
 */
export function tagList(ds: DataSource, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: TagFilter | null) {
  return listPage(ds, {
    entity: Tag,
    fields,
    order: TAG_ORDER,
    where: (x, p) => {
      const w: string[] = [];
      if (filter?.names) w.push(`${x}.tag_name = ANY(${p.add(filter.names)}::text[])`);
      if (filter?.budgetId) w.push(`${x}.budget_id = ${p.add(filter.budgetId)}`);
      return w;
    },
  }, args);
}
