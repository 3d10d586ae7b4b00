import { DataSource } from 'typeorm';
import { User } from '../../entities';
import { Policy } from '../auth/policy';
import { listPage, ListSpec, PageArgs } from '../paging';
import { USER_ORDER } from './orders';

export type UserFilter = { ids?: string[] | null; email?: string | null } | null;

export function userList(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: UserFilter) {
  return listPage(ds, { ...userListSpec(policy, filter), fields }, args);
}

/** The root user list: what the caller may see, filtered. */
export function userListSpec(policy: Policy, filter: UserFilter): ListSpec<User> {
  return {
    entity: User,
    order: USER_ORDER,
    where: (x, p) => {
      const w = [policy.userScope(x, p)];
      if (filter?.ids) w.push(`${x}.user_id = ANY(${p.add(filter.ids)}::text[])`);
      if (filter?.email) w.push(`lower(${x}.user_email) = lower(${p.add(filter.email)})`);
      return w;
    },
  };
}
