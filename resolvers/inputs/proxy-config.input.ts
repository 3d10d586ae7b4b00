import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../../src/graphql/scalars';

@InputType({ description: 'Narrows agents; every field is an indexed column of LiteLLM_AgentsTable' })
export class AgentFilter {
  @Field(() => String, { nullable: true, description: 'The agent of this name (exact; unique index)' })
  agentName?: string | null;
}

@InputType({ description: 'Narrows mcpServers; every field is an indexed column of LiteLLM_MCPServerTable' })
export class McpServerFilter {
  @Field(() => String, { nullable: true, description: 'Servers in this approval state (active, pending_review, rejected)' })
  approvalStatus?: string | null;
}

@InputType({ description: 'Narrows mcpToolsets; every field is an indexed column of LiteLLM_MCPToolsetTable' })
export class McpToolsetFilter {
  @Field(() => String, { nullable: true, description: 'The toolset of this name (exact; unique index)' })
  toolsetName?: string | null;
}

@InputType({ description: 'Narrows guardrails; every field is an indexed column of LiteLLM_GuardrailsTable' })
export class GuardrailFilter {
  @Field(() => String, { nullable: true, description: 'The guardrail of this name (exact; unique index)' })
  guardrailName?: string | null;

  @Field(() => String, { nullable: true, description: 'Guardrails in this state (active, pending_review, rejected)' })
  status?: string | null;
}

@InputType({ description: 'Narrows policies; LiteLLM indexes (policy_name, version_number) and (policy_name, version_status)' })
export class PolicyFilter {
  @Field(() => String, { nullable: true, description: 'Versions of the policy of this name' })
  policyName?: string | null;

  @Field(() => String, { nullable: true, description: 'Versions in this state (draft, published, production); needs policyName' })
  versionStatus?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only the newest version; needs policyName' })
  latestOnly?: boolean | null;
}

@InputType({ description: 'Narrows prompts; LiteLLM indexes prompt_id and (prompt_id, environment)' })
export class PromptFilter {
  @Field(() => String, { nullable: true, description: 'Versions of the prompt of this id' })
  promptId?: string | null;

  @Field(() => String, { nullable: true, description: 'Versions in this environment (development, staging, production); needs promptId' })
  environment?: string | null;
}

@InputType({ description: 'Narrows vectorStores; every field is an indexed column of LiteLLM_ManagedVectorStoresTable' })
export class VectorStoreFilter {
  @Field(() => ID, { nullable: true, description: "This team's vector stores (team_id)" })
  teamId?: string | null;

  @Field(() => ID, { nullable: true, description: "This user's vector stores (user_id)" })
  userId?: string | null;
}

@InputType({ description: 'Narrows healthChecks; every field is an indexed column of LiteLLM_HealthCheckTable' })
export class HealthCheckFilter {
  @Field(() => String, { nullable: true, description: 'Checks of this model name' })
  modelName?: string | null;

  @Field(() => String, { nullable: true, description: 'Checks of this deployment (model_id); needs modelName' })
  modelId?: string | null;

  @Field(() => String, { nullable: true, description: 'Checks with this outcome (healthy, unhealthy)' })
  status?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Checks at or after this time (UTC)' })
  checkedFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Checks at or before this time (UTC)' })
  checkedTo?: Date | null;
}
