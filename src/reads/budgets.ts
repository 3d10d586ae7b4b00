import { DataSource } from 'typeorm';
import { Budget } from '../../entities';
import { listPage, PageArgs } from '../paging';
import { BUDGET_ORDER } from './orders';

export function budgetList(ds: DataSource, fields: ReadonlySet<string> | undefined, args: PageArgs) {
  return listPage(ds, { entity: Budget, fields, order: BUDGET_ORDER }, args);
}
