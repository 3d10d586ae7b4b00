import { Budget } from './budget.entity';
import { ObjectPermission } from './object-permission.entity';
import { Organization } from './organization.entity';
import { TeamModelAliases } from './team-model-aliases.entity';
import { Team } from './team.entity';
import { User } from './user.entity';
import { EndUser } from './end-user.entity';
import { TeamMembership } from './team-membership.entity';
import { OrganizationMember } from './organization-member.entity';
import { Invitation } from './invitation.entity';
import { ModelAccessRequest } from './model-access-request.entity';
import { Project } from './project.entity';
import { VirtualKey } from './virtual-key.entity';
import { Model } from './model.entity';
import { SpendLog } from './spend-log.entity';
import { ErrorLog } from './error-log.entity';
import { AuditLogEntry } from './audit-log-entry.entity';
import { Tag } from './tag.entity';
import { DailyUserSpend } from './daily-user-spend.entity';
import { DailyTeamSpend } from './daily-team-spend.entity';
import { DailyOrganizationSpend } from './daily-organization-spend.entity';
import { DailyEndUserSpend } from './daily-end-user-spend.entity';
import { DailyTagSpend } from './daily-tag-spend.entity';
import { DeletedVirtualKey } from './deleted-virtual-key.entity';
import { DeletedTeam } from './deleted-team.entity';
import { DeprecatedVirtualKey } from './deprecated-virtual-key.entity';
import { AccessGroup } from './access-group.entity';
import { AdaptiveRouterSession } from './adaptive-router-session.entity';
import { AdaptiveRouterState } from './adaptive-router-state.entity';
import { Agent } from './agent.entity';
import { CacheConfig } from './cache-config.entity';
import { ClaudeCodePlugin } from './claude-code-plugin.entity';
import { ConfigParam } from './config-param.entity';
import { ConfigOverride } from './config-override.entity';
import { Credential } from './credential.entity';
import { CronJob } from './cron-job.entity';
import { DailyAgentSpend } from './daily-agent-spend.entity';
import { DailyGuardrailMetrics } from './daily-guardrail-metrics.entity';
import { DailyPolicyMetrics } from './daily-policy-metrics.entity';
import { Guardrail } from './guardrail.entity';
import { HealthCheck } from './health-check.entity';
import { JwtKeyMapping } from './jwt-key-mapping.entity';
import { McpServer } from './mcp-server.entity';
import { McpToolset } from './mcp-toolset.entity';
import { McpUserCredential } from './mcp-user-credential.entity';
import { ManagedFile } from './managed-file.entity';
import { ManagedObject } from './managed-object.entity';
import { ManagedVectorStoreIndex } from './managed-vector-store-index.entity';
import { ManagedVectorStore } from './managed-vector-store.entity';
import { VectorStore } from './vector-store.entity';
import { Memory } from './memory.entity';
import { PolicyAttachment } from './policy-attachment.entity';
import { Policy } from './policy.entity';
import { Prompt } from './prompt.entity';
import { SsoConfig } from './sso-config.entity';
import { SearchTool } from './search-tool.entity';
import { Skill } from './skill.entity';
import { SpendLogGuardrail } from './spend-log-guardrail.entity';
import { SpendLogTool } from './spend-log-tool.entity';
import { Tool } from './tool.entity';
import { UiSettings } from './ui-settings.entity';
import { WorkflowEvent } from './workflow-event.entity';
import { WorkflowMessage } from './workflow-message.entity';
import { WorkflowRun } from './workflow-run.entity';

export {
  Budget,
  ObjectPermission,
  Organization,
  TeamModelAliases,
  Team,
  User,
  EndUser,
  TeamMembership,
  OrganizationMember,
  Invitation,
  ModelAccessRequest,
  Project,
  VirtualKey,
  Model,
  SpendLog,
  ErrorLog,
  AuditLogEntry,
  Tag,
  DailyUserSpend,
  DailyTeamSpend,
  DailyOrganizationSpend,
  DailyEndUserSpend,
  DailyTagSpend,
  DeletedVirtualKey,
  DeletedTeam,
  DeprecatedVirtualKey,
  AccessGroup,
  AdaptiveRouterSession,
  AdaptiveRouterState,
  Agent,
  CacheConfig,
  ClaudeCodePlugin,
  ConfigParam,
  ConfigOverride,
  Credential,
  CronJob,
  DailyAgentSpend,
  DailyGuardrailMetrics,
  DailyPolicyMetrics,
  Guardrail,
  HealthCheck,
  JwtKeyMapping,
  McpServer,
  McpToolset,
  McpUserCredential,
  ManagedFile,
  ManagedObject,
  ManagedVectorStoreIndex,
  ManagedVectorStore,
  VectorStore,
  Memory,
  PolicyAttachment,
  Policy,
  Prompt,
  SsoConfig,
  SearchTool,
  Skill,
  SpendLogGuardrail,
  SpendLogTool,
  Tool,
  UiSettings,
  WorkflowEvent,
  WorkflowMessage,
  WorkflowRun,
};

/** The tables the gateway's features are built on: a database without one of them (or with one of their mapped
 * columns missing) cannot be served. */
export const REQUIRED_ENTITIES = [
  Budget,
  ObjectPermission,
  Organization,
  TeamModelAliases,
  Team,
  User,
  EndUser,
  TeamMembership,
  OrganizationMember,
  Invitation,
  ModelAccessRequest,
  Project,
  VirtualKey,
  Model,
  SpendLog,
  ErrorLog,
  AuditLogEntry,
  Tag,
  DailyUserSpend,
  DailyTeamSpend,
  DailyOrganizationSpend,
  DailyEndUserSpend,
  DailyTagSpend,
  DeletedVirtualKey,
  DeletedTeam,
  DeprecatedVirtualKey,
];

/**
 * Tables of newer LiteLLM releases, or of features a proxy may never have used: a database without one still
 * starts, and whatever reads it answers FEATURE_UNAVAILABLE naming the table (src/db/availability.ts).
 */
export const OPTIONAL_ENTITIES = [
  AccessGroup,
  AdaptiveRouterSession,
  AdaptiveRouterState,
  Agent,
  CacheConfig,
  ClaudeCodePlugin,
  ConfigParam,
  ConfigOverride,
  Credential,
  CronJob,
  DailyAgentSpend,
  DailyGuardrailMetrics,
  DailyPolicyMetrics,
  Guardrail,
  HealthCheck,
  JwtKeyMapping,
  McpServer,
  McpToolset,
  McpUserCredential,
  ManagedFile,
  ManagedObject,
  ManagedVectorStoreIndex,
  ManagedVectorStore,
  VectorStore,
  Memory,
  PolicyAttachment,
  Policy,
  Prompt,
  SsoConfig,
  SearchTool,
  Skill,
  SpendLogGuardrail,
  SpendLogTool,
  Tool,
  UiSettings,
  WorkflowEvent,
  WorkflowMessage,
  WorkflowRun,
];

export const ENTITIES = [...REQUIRED_ENTITIES, ...OPTIONAL_ENTITIES];
