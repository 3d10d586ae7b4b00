import { DataSource } from 'typeorm';
import { User } from '../../entities';
import { Policy } from '../auth/policy';
import { listPage, PageArgs } from '../paging';
import { USER_ORDER } from './orders';

export function userList(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: { ids?: string[] | null; email?: string | null } | null) {
  return listPage(ds, {
    entity: User,
    fields,
    order: USER_ORDER,
    where: (x, p) => {
      const w = [policy.userScope(x, p)];
      if (filter?.ids) w.push(`${x}.user_id = ANY(${p.add(filter.ids)}::text[])`);
      if (filter?.email) w.push(`lower(${x}.user_email) = lower(${p.add(filter.email)})`);
      return w;
    },
  }, args);
}
