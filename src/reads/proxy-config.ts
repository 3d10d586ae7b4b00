import DataLoader from 'dataloader';
import { tracedBatch } from '../tracing';
import { DataSource } from 'typeorm';
import { Agent, DailyGuardrailMetrics, DailyPolicyMetrics, Guardrail, HealthCheck, McpServer, McpToolset, Policy as PolicyVersion, PolicyAttachment, Prompt, VectorStore } from '../../entities';
import { Policy } from '../auth/policy';
import { HeavyReads } from '../db/heavy';
import { table } from '../db/rows';
import { Params } from '../db/sql';
import { badInput } from '../graphql/errors';
import { and, listPage, PageArgs } from '../paging';
import { AGENT_ORDER, GUARDRAIL_ORDER, HEALTH_CHECK_ORDER, MCP_SERVER_ORDER, MCP_TOOLSET_ORDER, POLICY_ORDER, PROMPT_ORDER, VECTOR_STORE_ORDER } from './orders';

/**
 * The proxy's configuration objects (issue 16): agents, MCP servers and toolsets, guardrails and policies,
 * prompts, vector stores, health checks. Every list is keyset-paged on its primary key (health checks on
 * checked_at) and every filter is a column LiteLLM indexes; the scopes come from the policy module.
 */

type Fields = ReadonlySet<string> | undefined;

export function agentList(ds: DataSource, policy: Policy, fields: Fields, args: PageArgs, filter: { agentName?: string | null } | null) {
  return listPage(ds, {
    entity: Agent,
    fields,
    order: AGENT_ORDER,
    where: (x, p) => {
      const w = [policy.agentScope(x, p)];
      if (filter?.agentName) w.push(`${x}.agent_name = ${p.add(filter.agentName)}`); // unique index
      return w;
    },
  }, args);
}

export function mcpServerList(ds: DataSource, policy: Policy, fields: Fields, args: PageArgs, filter: { approvalStatus?: string | null } | null) {
  return listPage(ds, {
    entity: McpServer,
    fields,
    order: MCP_SERVER_ORDER,
    where: (x, p) => {
      const w = [policy.mcpServerScope(x, p)];
      if (filter?.approvalStatus) w.push(`${x}.approval_status = ${p.add(filter.approvalStatus)}`); // approval_status index
      return w;
    },
  }, args);
}

export function mcpToolsetList(ds: DataSource, policy: Policy, fields: Fields, args: PageArgs, filter: { toolsetName?: string | null } | null) {
  return listPage(ds, {
    entity: McpToolset,
    fields,
    order: MCP_TOOLSET_ORDER,
    where: (x, p) => {
      const w = [policy.mcpToolsetScope(x, p)];
      if (filter?.toolsetName) w.push(`${x}.toolset_name = ${p.add(filter.toolsetName)}`); // unique index
      return w;
    },
  }, args);
}

export function guardrailList(ds: DataSource, policy: Policy, fields: Fields, args: PageArgs, filter: { guardrailName?: string | null; status?: string | null } | null) {
  return listPage(ds, {
    entity: Guardrail,
    fields,
    order: GUARDRAIL_ORDER,
    where: (x, p) => {
      const w = [policy.guardrailScope(x, p)];
      if (filter?.guardrailName) w.push(`${x}.guardrail_name = ${p.add(filter.guardrailName)}`); // unique index
      if (filter?.status) w.push(`${x}.status = ${p.add(filter.status)}`); // status index
      return w;
    },
  }, args);
}

export function policyList(ds: DataSource, fields: Fields, args: PageArgs, filter: { policyName?: string | null; versionStatus?: string | null; latestOnly?: boolean | null } | null) {
  // (policy_name, version_status) and (policy_name, version_number) are LiteLLM's indexes: a status needs the name
  if (filter?.versionStatus && !filter.policyName) throw badInput('filter.versionStatus', 'give policyName too: LiteLLM indexes version_status only under policy_name');
  if (filter?.latestOnly && !filter.policyName) throw badInput('filter.latestOnly', 'give policyName too: LiteLLM has no index on is_latest');
  return listPage(ds, {
    entity: PolicyVersion,
    fields,
    order: POLICY_ORDER,
    where: (x, p) => {
      const w: string[] = [];
      if (filter?.policyName) w.push(`${x}.policy_name = ${p.add(filter.policyName)}`);
      if (filter?.versionStatus) w.push(`${x}.version_status = ${p.add(filter.versionStatus)}`);
      if (filter?.latestOnly) w.push(`${x}.is_latest`);
      return w;
    },
  }, args);
}

export function promptList(ds: DataSource, fields: Fields, args: PageArgs, filter: { promptId?: string | null; environment?: string | null } | null) {
  if (filter?.environment && !filter.promptId) throw badInput('filter.environment', 'give promptId too: LiteLLM indexes environment only under prompt_id');
  return listPage(ds, {
    entity: Prompt,
    fields,
    order: PROMPT_ORDER,
    where: (x, p) => {
      const w: string[] = [];
      if (filter?.promptId) w.push(`${x}.prompt_id = ${p.add(filter.promptId)}`); // prompt_id and (prompt_id, environment) indexes
      if (filter?.environment) w.push(`${x}.environment = ${p.add(filter.environment)}`);
      return w;
    },
  }, args);
}

export function vectorStoreList(ds: DataSource, policy: Policy, fields: Fields, args: PageArgs, filter: { teamId?: string | null; userId?: string | null } | null) {
  return listPage(ds, {
    entity: VectorStore,
    fields,
    order: VECTOR_STORE_ORDER,
    where: (x, p) => {
      const w = [policy.vectorStoreScope(x, p)];
      if (filter?.teamId) w.push(`${x}.team_id = ${p.add(filter.teamId)}`); // team_id index
      if (filter?.userId) w.push(`${x}.user_id = ${p.add(filter.userId)}`); // user_id index
      return w;
    },
  }, args);
}

export interface HealthCheckFilter {
  modelName?: string | null;
  modelId?: string | null;
  status?: string | null;
  checkedFrom?: Date | null;
  checkedTo?: Date | null;
}

export function healthCheckList(ds: DataSource, fields: Fields, args: PageArgs, filter: HealthCheckFilter | null) {
  if (filter?.modelId && !filter.modelName) throw badInput('filter.modelId', 'give modelName too: LiteLLM indexes model_id only as (model_id, model_name, checked_at)');
  return listPage(ds, {
    entity: HealthCheck,
    fields,
    order: HEALTH_CHECK_ORDER,
    where: (x, p) => {
      const w: string[] = [];
      if (filter?.modelName) w.push(`${x}.model_name = ${p.add(filter.modelName)}`); // model_name index
      if (filter?.modelId) w.push(`${x}.model_id = ${p.add(filter.modelId)}`); // (model_id, model_name, checked_at)
      if (filter?.status) w.push(`${x}.status = ${p.add(filter.status)}`); // status index
      if (filter?.checkedFrom) w.push(`${x}.checked_at >= ${p.add(filter.checkedFrom)}`); // checked_at index
      if (filter?.checkedTo) w.push(`${x}.checked_at <= ${p.add(filter.checkedTo)}`);
      return w;
    },
  }, args);
}

/** Rows grouped by a text column for many keys: one statement per batch, ordered as given. */
function groupedBy<T>(ds: DataSource, entity: new () => T, column: string, orderBy: string, fields: Fields, extra?: (p: Params) => string, heavy?: HeavyReads) {
  return new DataLoader<string, T[]>(tracedBatch(`${entity.name} by ${column}`, async (keys) => {
    const t = table(ds, entity);
    const p = new Params([keys]);
    const run = () =>
      ds.query(`SELECT ${t.select('x', fields, [column])} FROM ${t.table} x WHERE ${and([`x.${column} = ANY($1::text[])`, extra ? extra(p) : 'TRUE'])} ORDER BY ${orderBy}`, p.values) as Promise<Record<string, unknown>[]>;
    const rows = heavy ? await heavy.run(run) : await run();
    const grouped = new Map<string, T[]>();
    for (const r of rows) {
      const k = r[column] as string;
      if (!grouped.has(k)) grouped.set(k, []);
      grouped.get(k)!.push(t.hydrate(r) as T);
    }
    return keys.map((k) => grouped.get(k) ?? []);
  }));
}

/**
 * Attachments of policies, by policy name. LiteLLM keeps no index on policy_name here: the table holds one row
 * per attachment an admin made (tens, not thousands), read once per level.
 */
export const attachmentsOfPolicies = (ds: DataSource, fields: Fields) => groupedBy(ds, PolicyAttachment, 'policy_name', 'x.policy_name, x.attachment_id', fields);

/** Every version of prompts, by prompt_id (its index), newest version first. */
export const versionsOfPrompts = (ds: DataSource, fields: Fields) => groupedBy(ds, Prompt, 'prompt_id', 'x.prompt_id, x.version DESC, x.environment, x.id', fields);

/** Daily guardrail metrics of [from, to], by guardrail (the (guardrail_id, date) primary key), oldest day first. */
export const guardrailMetrics = (ds: DataSource, heavy: HeavyReads, from: string, to: string, fields: Fields) =>
  groupedBy(ds, DailyGuardrailMetrics, 'guardrail_id', 'x.guardrail_id, x.date', fields, (p) => `x.date >= ${p.add(from)} AND x.date <= ${p.add(to)}`, heavy);

/** Daily policy metrics of [from, to], by policy (the (policy_id, date) primary key), oldest day first. */
export const policyMetrics = (ds: DataSource, heavy: HeavyReads, from: string, to: string, fields: Fields) =>
  groupedBy(ds, DailyPolicyMetrics, 'policy_id', 'x.policy_id, x.date', fields, (p) => `x.date >= ${p.add(from)} AND x.date <= ${p.add(to)}`, heavy);
