import { Arg, Args, Ctx, Extensions, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Agent, DailyGuardrailMetrics, DailyPolicyMetrics, Guardrail, HealthCheck, ManagedFile, McpServer, McpToolset, Policy, PolicyAttachment, Prompt, Team, User, VectorStore } from '../entities';
import { connection } from '../src/graphql/connection';
import { Context } from '../src/graphql/context';
import { windowCost } from '../src/graphql/limits';
import { DateScalar } from '../src/graphql/scalars';
import { publicGuardrailParams, publicLitellmParams, publicPromptParams, publicUrl } from '../src/graphql/secrets';
import { reads } from '../src/graphql/selection';
import { agentList, guardrailList, healthCheckList, mcpServerList, mcpToolsetList, policyList, promptList, vectorStoreList } from '../src/reads/proxy-config';
import { checkWindow } from '../src/services/date-window';
import { AgentFilter, GuardrailFilter, HealthCheckFilter, McpServerFilter, McpToolsetFilter, PolicyFilter, PromptFilter, VectorStoreFilter } from './inputs/proxy-config.input';
import { PageArgs } from './inputs/page.input';
import {
  AgentConnection,
  GuardrailConnection,
  HealthCheckConnection,
  ManagedFileConnection,
  McpServerConnection,
  McpToolsetConnection,
  PolicyConnection,
  PromptConnection,
  VectorStoreConnection,
} from './types/connections';

// A metrics list returns one item per day of its window.
const METRICS_COST_PER_DAY = 1;
const FROM = { description: 'First day of the window (YYYY-MM-DD, UTC)' };
const TO = { description: 'Last day of the window, inclusive (YYYY-MM-DD, UTC)' };

/** The proxy's configuration objects (issue 16): read-only, each list scoped by the policy module. */
@Resolver(() => Agent)
export class AgentResolver {
  @Query(() => AgentConnection, { description: 'Agents (LiteLLM_AgentsTable) by agent id: proxy admins and admin viewers all; others those their user, key, teams or organizations are given (object permissions)' })
  async agents(@Args() args: PageArgs, @Arg('filter', () => AgentFilter, { nullable: true, description: 'Narrow by indexed columns' }) filter: AgentFilter | null, @Ctx() { ds, policy, loaders }: Context) {
    const { page, count } = await agentList(ds, policy, loaders.wanted(Agent), args, filter);
    return connection(AgentConnection, page, count);
  }

  @FieldResolver(() => GraphQLJSON, { nullable: true, description: "The agent's known non-secret litellm_params (model, api_base without user info or query, limits); never api_key or other credentials" })
  @Extensions(reads('litellmParams'))
  litellmParams(@Root() a: Agent) {
    return publicLitellmParams(a.litellmParams);
  }
}

@Resolver(() => McpServer)
export class McpServerResolver {
  @Query(() => McpServerConnection, {
    description: 'MCP servers (LiteLLM_MCPServerTable) by server id: proxy admins and admin viewers all; others the approved servers open to every key or given to their user, key, teams or organizations',
  })
  async mcpServers(@Args() args: PageArgs, @Arg('filter', () => McpServerFilter, { nullable: true, description: 'Narrow by indexed columns' }) filter: McpServerFilter | null, @Ctx() { ds, policy, loaders }: Context) {
    const { page, count } = await mcpServerList(ds, policy, loaders.wanted(McpServer), args, filter);
    return connection(McpServerConnection, page, count);
  }
}

@Resolver(() => McpToolset)
export class McpToolsetResolver {
  @Query(() => McpToolsetConnection, { description: 'MCP toolsets (LiteLLM_MCPToolsetTable) by toolset id: proxy admins and admin viewers all; others those given to them (object permissions)' })
  async mcpToolsets(@Args() args: PageArgs, @Arg('filter', () => McpToolsetFilter, { nullable: true, description: 'Narrow by indexed columns' }) filter: McpToolsetFilter | null, @Ctx() { ds, policy, loaders }: Context) {
    const { page, count } = await mcpToolsetList(ds, policy, loaders.wanted(McpToolset), args, filter);
    return connection(McpToolsetConnection, page, count);
  }
}

@Resolver(() => Guardrail)
export class GuardrailResolver {
  @Query(() => GuardrailConnection, { description: "Guardrails (LiteLLM_GuardrailsTable) by guardrail id: proxy admins and admin viewers all; team admins and their organization's admins a team's own guardrails" })
  async guardrails(@Args() args: PageArgs, @Arg('filter', () => GuardrailFilter, { nullable: true, description: 'Narrow by indexed columns' }) filter: GuardrailFilter | null, @Ctx() { ds, policy, loaders }: Context) {
    const { page, count } = await guardrailList(ds, policy, loaders.wanted(Guardrail), args, filter);
    return connection(GuardrailConnection, page, count);
  }

  @FieldResolver(() => GraphQLJSON, { nullable: true, description: 'The known non-secret litellm_params (integration, mode, default_on, api_base without user info or query); never api_key or credentials' })
  @Extensions(reads('litellmParams'))
  litellmParams(@Root() g: Guardrail) {
    return publicGuardrailParams(g.litellmParams);
  }

  @FieldResolver(() => Team, { nullable: true, description: 'The team that owns it, when the caller may see it' })
  @Extensions(reads('teamId'))
  team(@Root() g: Guardrail, @Ctx() { loaders }: Context) {
    return g.teamId ? loaders.team.load(g.teamId) : null;
  }

  @FieldResolver(() => [DailyGuardrailMetrics], { description: 'Its daily metrics of [from, to], oldest day first; the window spans at most USAGE_MAX_WINDOW_DAYS' })
  @Extensions(windowCost({ at: 'arguments', perDay: METRICS_COST_PER_DAY }))
  metrics(@Root() g: Guardrail, @Arg('from', () => DateScalar, FROM) from: string, @Arg('to', () => DateScalar, TO) to: string, @Ctx() { loaders, config }: Context) {
    checkWindow(from, to, config.limits.usageMaxWindowDays);
    return loaders.guardrailMetrics(from, to).load(g.guardrailId);
  }
}

@Resolver(() => Policy)
export class PolicyResolver {
  @Query(() => PolicyConnection, { description: 'Guardrail policies, one node per version (LiteLLM_PolicyTable), by policy id; proxy admins and admin viewers' })
  async policies(@Args() args: PageArgs, @Arg('filter', () => PolicyFilter, { nullable: true, description: 'Narrow by indexed columns' }) filter: PolicyFilter | null, @Ctx() { ds, policy, loaders }: Context) {
    policy.requireReadAll('policies');
    const { page, count } = await policyList(ds, loaders.wanted(Policy), args, filter);
    return connection(PolicyConnection, page, count);
  }

  @FieldResolver(() => [PolicyAttachment], { description: 'Where the policy (by name, so every version) is attached' })
  @Extensions(reads('policyName'))
  attachments(@Root() p: Policy, @Ctx() { loaders }: Context) {
    return loaders.policyAttachments.load(p.policyName);
  }

  @FieldResolver(() => [DailyPolicyMetrics], { description: 'Daily metrics of this version of [from, to], oldest day first; the window spans at most USAGE_MAX_WINDOW_DAYS' })
  @Extensions(windowCost({ at: 'arguments', perDay: METRICS_COST_PER_DAY }))
  metrics(@Root() p: Policy, @Arg('from', () => DateScalar, FROM) from: string, @Arg('to', () => DateScalar, TO) to: string, @Ctx() { loaders, config }: Context) {
    checkWindow(from, to, config.limits.usageMaxWindowDays);
    return loaders.policyMetrics(from, to).load(p.policyId);
  }
}

@Resolver(() => Prompt)
export class PromptResolver {
  @Query(() => PromptConnection, { description: 'Prompts, one node per version and environment (LiteLLM_PromptTable), by row id; proxy admins and admin viewers' })
  async prompts(@Args() args: PageArgs, @Arg('filter', () => PromptFilter, { nullable: true, description: 'Narrow by indexed columns' }) filter: PromptFilter | null, @Ctx() { ds, policy, loaders }: Context) {
    policy.requireReadAll('prompts');
    const { page, count } = await promptList(ds, loaders.wanted(Prompt), args, filter);
    return connection(PromptConnection, page, count);
  }

  @FieldResolver(() => GraphQLJSON, { nullable: true, description: 'The known non-secret litellm_params (integration, prompt id, model, template); never api keys of the integration' })
  @Extensions(reads('litellmParams'))
  litellmParams(@Root() p: Prompt) {
    return publicPromptParams(p.litellmParams);
  }

  @FieldResolver(() => [Prompt], { description: 'Every version of this prompt (same promptId) in every environment, newest version first' })
  @Extensions(reads('promptId'))
  versions(@Root() p: Prompt, @Ctx() { loaders }: Context) {
    return loaders.promptVersions.load(p.promptId);
  }
}

@Resolver(() => VectorStore)
export class VectorStoreResolver {
  @Query(() => VectorStoreConnection, {
    description: 'Vector stores (LiteLLM_ManagedVectorStoresTable) by id: proxy admins and admin viewers all; others their own, their teams\', their organizations\' teams\' (as org admin) and those given to them',
  })
  async vectorStores(@Args() args: PageArgs, @Arg('filter', () => VectorStoreFilter, { nullable: true, description: 'Narrow by indexed columns' }) filter: VectorStoreFilter | null, @Ctx() { ds, policy, loaders }: Context) {
    const { page, count } = await vectorStoreList(ds, policy, loaders.wanted(VectorStore), args, filter);
    return connection(VectorStoreConnection, page, count);
  }

  @FieldResolver(() => GraphQLJSON, { nullable: true, description: 'The known non-secret litellm_params (region, api_base without user info or query, credential name); never api keys or cloud credentials' })
  @Extensions(reads('litellmParams'))
  litellmParams(@Root() v: VectorStore) {
    return publicLitellmParams(v.litellmParams);
  }

  @FieldResolver(() => Team, { nullable: true, description: 'The team that owns it, when the caller may see it' })
  @Extensions(reads('teamId'))
  team(@Root() v: VectorStore, @Ctx() { loaders }: Context) {
    return v.teamId ? loaders.team.load(v.teamId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'The user that owns it, when the caller may see them' })
  @Extensions(reads('userId'))
  user(@Root() v: VectorStore, @Ctx() { loaders }: Context) {
    return v.userId ? loaders.user.load(v.userId) : null;
  }
}

@Resolver(() => ManagedFile)
export class ManagedFileResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Where the proxy keeps a copy: scheme, host and path only, never the query string of a presigned URL' })
  @Extensions(reads('storageUrl'))
  storageUrl(@Root() f: ManagedFile) {
    return publicUrl(f.storageUrl);
  }
}

@Resolver(() => Team)
export class TeamManagedFilesResolver {
  @FieldResolver(() => ManagedFileConnection, { description: "Files uploaded through the proxy for this team (LiteLLM_ManagedFileTable), newest first; the team's members and its organization's admins" })
  async managedFiles(@Root() team: Team, @Args() args: PageArgs, @Ctx() { loaders }: Context) {
    const l = loaders.managedFilesOfTeam(args);
    return connection(ManagedFileConnection, await l.pages.load(team.id), () => l.counts.load(team.id));
  }
}

@Resolver(() => HealthCheck)
export class HealthCheckResolver {
  @Query(() => HealthCheckConnection, { description: 'Health checks of model deployments (LiteLLM_HealthCheckTable), newest first; proxy admins and admin viewers' })
  async healthChecks(@Args() args: PageArgs, @Arg('filter', () => HealthCheckFilter, { nullable: true, description: 'Narrow by indexed columns' }) filter: HealthCheckFilter | null, @Ctx() { ds, policy, loaders }: Context) {
    policy.requireReadAll('health checks');
    const { page, count } = await healthCheckList(ds, loaders.wanted(HealthCheck), args, filter);
    return connection(HealthCheckConnection, page, count);
  }
}

export const PROXY_CONFIG_RESOLVERS = [
  AgentResolver,
  McpServerResolver,
  McpToolsetResolver,
  GuardrailResolver,
  PolicyResolver,
  PromptResolver,
  VectorStoreResolver,
  ManagedFileResolver,
  TeamManagedFilesResolver,
  HealthCheckResolver,
];
