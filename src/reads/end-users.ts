import { DataSource } from 'typeorm';
import { EndUser } from '../../entities';
import { listPage, PageArgs } from '../paging';
import { END_USER_ORDER } from './orders';

export function endUserList(ds: DataSource, fields: ReadonlySet<string> | undefined, args: PageArgs) {
  return listPage(ds, { entity: EndUser, fields, order: END_USER_ORDER }, args);
}
