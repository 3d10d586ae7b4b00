import { DataSource } from 'typeorm';
import { User } from '../../entities';
import { Policy } from '../auth/policy';
import { listPage, ListSpec, PageArgs } from '../paging';
import { USER_ORDER } from './orders';

export type UserFilter = { ids?: string[] | null; email?: string | null; ssoUserId?: string | null; role?: string | null; organizationId?: string | null } | null;

/** role and organizationId have no index LiteLLM keeps: without ids, email or ssoUserId they read every user. */
export function userFilterScans(filter: UserFilter | undefined): boolean {
  if (!filter || filter.ids || filter.email || filter.ssoUserId) return false;
  return !!(filter.role || filter.organizationId);
}

export function userList(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: UserFilter) {
  return listPage(ds, { ...userListSpec(policy, filter), fields }, args);
}

/** The root user list: what the caller may see, filtered. */
export function userListSpec(policy: Policy, filter: UserFilter): ListSpec<User> {
  return {
    entity: User,
    order: USER_ORDER,
    scans: userFilterScans(filter),
    where: (x, p) => {
      const w = [policy.userScope(x, p)];
      if (filter?.ids) w.push(`${x}.user_id = ANY(${p.add(filter.ids)}::text[])`);
      if (filter?.email) w.push(`lower(${x}.user_email) = lower(${p.add(filter.email)})`);
      if (filter?.ssoUserId) w.push(`${x}.sso_user_id = ${p.add(filter.ssoUserId)}`);
      if (filter?.role) w.push(`${x}.user_role = ${p.add(filter.role)}`);
      if (filter?.organizationId)
        w.push(`EXISTS (SELECT 1 FROM "LiteLLM_OrganizationMembership" om WHERE om.user_id = ${x}.user_id AND om.organization_id = ${p.add(filter.organizationId)})`);
      return w;
    },
  };
}
