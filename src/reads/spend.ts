import { DataSource } from 'typeorm';
import { AuditLogEntry, ErrorLog, SpendLog } from '../../entities';
import { Policy } from '../auth/policy';
import { table } from '../db/rows';
import { Params } from '../db/sql';
import { listPage, PageArgs } from '../paging';
import { tokenFromInput } from '../services/key-format';
import { AUDIT_LOG_ORDER, ERROR_LOG_ORDER, SPEND_LOG_ORDER } from './orders';

export interface SpendLogFilter {
  from: Date;
  to: Date;
  /** raw sk- key or its hash */
  key?: string | null;
  userId?: string | null;
  teamId?: string | null;
  endUserId?: string | null;
  model?: string | null;
  status?: string | null;
  requestId?: string | null;
  sessionId?: string | null;
  tag?: string | null;
}

/** SpendLogs are indexed on startTime: the window bounds every page. */
export function spendLogList(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: SpendLogFilter) {
  return listPage(ds, {
    entity: SpendLog,
    fields,
    order: SPEND_LOG_ORDER,
    where: (x, p) => {
      const w = [`${x}."startTime" >= ${p.add(filter.from)}`, `${x}."startTime" <= ${p.add(filter.to)}`, policy.spendLogScope(x, p)];
      if (filter.key) w.push(`${x}.api_key = ${p.add(tokenFromInput(filter.key))}`);
      if (filter.userId) w.push(`${x}."user" = ${p.add(filter.userId)}`);
      if (filter.teamId) w.push(`${x}.team_id = ${p.add(filter.teamId)}`);
      if (filter.endUserId) w.push(`${x}.end_user = ${p.add(filter.endUserId)}`);
      if (filter.model) w.push(`(${x}.model = ${p.add(filter.model)} OR ${x}.model_group = ${p.add(filter.model)})`);
      if (filter.status) w.push(`${x}.status = ${p.add(filter.status)}`);
      if (filter.requestId) w.push(`${x}.request_id = ${p.add(filter.requestId)}`);
      if (filter.sessionId) w.push(`${x}.session_id = ${p.add(filter.sessionId)}`);
      if (filter.tag) w.push(`${x}.request_tags @> jsonb_build_array(${p.add(filter.tag)}::text)`);
      return w;
    },
  }, args);
}

/** One spend log by its primary key, with no window: what the caller may see of it, or null. */
export async function spendLogById(ds: DataSource, policy: Policy, fields: ReadonlySet<string> | undefined, requestId: string): Promise<SpendLog | null> {
  const t = table(ds, SpendLog);
  const p = new Params([requestId]);
  const rows: Record<string, unknown>[] = await ds.query(`SELECT ${t.select('x', fields)} FROM ${t.table} x WHERE x.request_id = $1 AND ${policy.spendLogScope('x', p)}`, p.values);
  return rows[0] ? t.hydrate(rows[0]) : null;
}

export interface ErrorLogFilter {
  from?: Date | null;
  to?: Date | null;
  /** model_group or litellm_model_name */
  model?: string | null;
  exceptionType?: string | null;
  statusCode?: string | null;
}

export function errorLogList(ds: DataSource, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: ErrorLogFilter | null) {
  return listPage(ds, {
    entity: ErrorLog,
    fields,
    order: ERROR_LOG_ORDER,
    where: (x, p) => {
      const w: string[] = [];
      if (filter?.from) w.push(`${x}."startTime" >= ${p.add(filter.from)}`);
      if (filter?.to) w.push(`${x}."startTime" <= ${p.add(filter.to)}`);
      if (filter?.model) w.push(`(${x}.model_group = ${p.add(filter.model)} OR ${x}.litellm_model_name = ${p.add(filter.model)})`);
      if (filter?.exceptionType) w.push(`${x}.exception_type = ${p.add(filter.exceptionType)}`);
      if (filter?.statusCode) w.push(`${x}.status_code = ${p.add(filter.statusCode)}`);
      return w.length ? w : ['TRUE'];
    },
  }, args);
}

export interface AuditLogFilter {
  from?: Date | null;
  to?: Date | null;
  tableName?: string | null;
  objectId?: string | null;
  action?: string | null;
  changedBy?: string | null;
}

export function auditLogList(ds: DataSource, fields: ReadonlySet<string> | undefined, args: PageArgs, filter: AuditLogFilter | null) {
  return listPage(ds, {
    entity: AuditLogEntry,
    fields,
    order: AUDIT_LOG_ORDER,
    where: (x, p) => {
      const w: string[] = [];
      if (filter?.from) w.push(`${x}.updated_at >= ${p.add(filter.from)}`);
      if (filter?.to) w.push(`${x}.updated_at <= ${p.add(filter.to)}`);
      if (filter?.tableName) w.push(`${x}.table_name = ${p.add(filter.tableName)}`);
      if (filter?.objectId) w.push(`${x}.object_id = ${p.add(filter.objectId)}`);
      if (filter?.action) w.push(`${x}.action = ${p.add(filter.action)}`);
      if (filter?.changedBy) w.push(`${x}.changed_by = ${p.add(filter.changedBy)}`);
      return w.length ? w : ['TRUE'];
    },
  }, args);
}
