import { DataSource } from 'typeorm';
import { Model, ModelAccessRequest } from '../../entities';
import { Policy } from '../auth/policy';
import { listPage, PageArgs } from '../paging';
import { MODEL_ACCESS_REQUEST_ORDER, MODEL_ORDER } from './orders';

export function modelList(ds: DataSource, fields: ReadonlySet<string> | undefined, args: PageArgs) {
  return listPage(ds, { entity: Model, fields, order: MODEL_ORDER }, args);
}

/** Admins read every request; other callers their own. */
export function modelAccessRequestList(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, args: PageArgs) {
  return listPage(ds, {
    entity: ModelAccessRequest,
    fields,
    order: MODEL_ACCESS_REQUEST_ORDER,
    where: (x, p) => (policy.readsEverything ? [] : [`${x}.user_id = ${p.add(policy.caller.userId ?? '')}`]),
  }, args);
}
