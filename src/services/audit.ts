import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Principal } from '../auth/principal';
import { Config } from '../config';

export type AuditAction = 'created' | 'updated' | 'deleted' | 'blocked' | 'unblocked' | 'rotated';

// LiteLLM's proxy admin name: what created_by/changed_by hold for the master key.
export const PROXY_ADMIN_NAME = 'default_user_id';

export function actorOf(p: Principal): string {
  return p.userId ?? PROXY_ADMIN_NAME;
}

// LiteLLM masks every JSON field whose name contains "key" in audit values.
export function maskKeys(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => maskKeys(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => {
      if (!/key/i.test(k) || v === null || v === undefined || typeof v === 'object') return [k, maskKeys(v, depth + 1)];
      const s = String(v);
      return [k, s.length > 8 ? `${s.slice(0, 3)}****${s.slice(-4)}` : '****'];
    }),
  );
}

/** A row as LiteLLM's JSON shows it: column names, not our property names. */
export function columnJson(em: EntityManager, entity: Function, row: object): Record<string, unknown> {
  const meta = em.connection.getMetadata(entity);
  const out: Record<string, unknown> = {};
  for (const c of meta.columns) {
    const value = (row as Record<string, unknown>)[c.propertyName];
    if (value !== undefined) out[c.databaseName] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/** A GraphQL input as LiteLLM's request JSON: snake_case names. */
export function snakeJson(input: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
}

export interface AuditEntry {
  action: AuditAction;
  table: string;
  objectId: string;
  before?: unknown;
  after?: unknown;
}

/** A LiteLLM_AuditLog row in the mutation's own transaction, when store_audit_logs is on. */
export async function audit(em: EntityManager, config: Config, principal: Principal, entry: AuditEntry): Promise<void> {
  if (!config.storeAuditLogs) return;
  await em.query(
    // clock_timestamp(), not now(): written after the mutation's row locks, so audit times follow commit order
    `INSERT INTO "LiteLLM_AuditLog" (id, updated_at, changed_by, changed_by_api_key, action, table_name, object_id, before_value, updated_values)
     VALUES ($1, clock_timestamp(), $2, $3, $4, $5, $6, $7, $8)`,
    [
      randomUUID(),
      actorOf(principal),
      principal.keyToken,
      entry.action,
      entry.table,
      entry.objectId,
      entry.before === undefined || entry.before === null ? null : JSON.stringify(maskKeys(entry.before)),
      entry.after === undefined ? null : JSON.stringify(maskKeys(entry.after)),
    ],
  );
}
