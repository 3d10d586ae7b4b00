import { DataSource } from 'typeorm';
import { Organization } from '../../entities';
import { Policy } from '../auth/policy';
import { listPage, PageArgs } from '../paging';
import { ORGANIZATION_ORDER } from './orders';

export function organizationList(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: { ids?: string[] | null } | null) {
  return listPage(ds, {
    entity: Organization,
    fields,
    order: ORGANIZATION_ORDER,
    where: (x, p) => [policy.organizationScope(x, p), ...(filter?.ids ? [`${x}.organization_id = ANY(${p.add(filter.ids)}::text[])`] : [])],
  }, args);
}
