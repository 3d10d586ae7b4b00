import { DataSource } from 'typeorm';
import { Invitation } from '../../entities';
import { listPage, PageArgs } from '../paging';
import { INVITATION_ORDER } from './orders';

export function invitationList(ds: DataSource, fields: ReadonlySet<string> | undefined, args: PageArgs) {
  return listPage(ds, { entity: Invitation, fields, order: INVITATION_ORDER }, args);
}
