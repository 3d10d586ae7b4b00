import { DataSource } from 'typeorm';
import { Organization } from '../../entities';
import { Policy } from '../auth/policy';
import { listPage, ListSpec, PageArgs } from '../paging';
import { ORGANIZATION_ORDER } from './orders';

export type OrganizationFilter = { ids?: string[] | null } | null;

export function organizationList(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: OrganizationFilter) {
  return listPage(ds, { ...organizationListSpec(policy, filter), fields }, args);
}

/** The root organization list: what the caller may see, filtered. */
export function organizationListSpec(policy: Policy, filter: OrganizationFilter): ListSpec<Organization> {
  return {
    entity: Organization,
    order: ORGANIZATION_ORDER,
    where: (x, p) => [policy.organizationScope(x, p), ...(filter?.ids ? [`${x}.organization_id = ANY(${p.add(filter.ids)}::text[])`] : [])],
  };
}
