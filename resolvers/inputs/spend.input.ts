import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../src/graphql/scalars';

export enum SpendDimension {
  DAY = 'DAY',
  MODEL = 'MODEL',
  MODEL_GROUP = 'MODEL_GROUP',
  PROVIDER = 'PROVIDER',
  KEY = 'KEY',
  USER = 'USER',
  TEAM = 'TEAM',
  ORGANIZATION = 'ORGANIZATION',
  END_USER = 'END_USER',
  TAG = 'TAG',
}
registerEnumType(SpendDimension, {
  name: 'SpendDimension',
  description: 'A dimension a spend report groups by; USER, TEAM, ORGANIZATION, END_USER and TAG each read their own LiteLLM daily table',
  valuesConfig: {
    DAY: { description: 'Calendar day (the daily tables\' date, YYYY-MM-DD)' },
    MODEL: { description: 'Model as called (model)' },
    MODEL_GROUP: { description: 'Public model name the caller requested (model_group)' },
    PROVIDER: { description: 'Provider, e.g. openai or azure (custom_llm_provider)' },
    KEY: { description: 'Virtual key (api_key, the key hash)' },
    USER: { description: 'Internal user (LiteLLM_DailyUserSpend.user_id)' },
    TEAM: { description: 'Team (LiteLLM_DailyTeamSpend.team_id)' },
    ORGANIZATION: { description: 'Organization (LiteLLM_DailyOrganizationSpend.organization_id)' },
    END_USER: { description: 'Customer (LiteLLM_DailyEndUserSpend.end_user_id)' },
    TAG: { description: 'Request tag (LiteLLM_DailyTagSpend.tag)' },
  },
});

@InputType({ description: 'Each list keeps rows whose value is one of those given' })
export class SpendReportFilter {
  @Field(() => [String], { nullable: true, description: 'raw sk- keys or their hashes' })
  keys?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'user_id values (reads LiteLLM_DailyUserSpend)' })
  users?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'team_id values (reads LiteLLM_DailyTeamSpend)' })
  teams?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'organization_id values (reads LiteLLM_DailyOrganizationSpend)' })
  organizations?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Customer ids (reads LiteLLM_DailyEndUserSpend)' })
  endUsers?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Request tags (reads LiteLLM_DailyTagSpend)' })
  tags?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Models as called (the daily tables' model column)" })
  models?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Public model names (model_group)' })
  modelGroups?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Providers (custom_llm_provider), e.g. openai' })
  providers?: string[] | null;
}

@InputType({ description: 'What a spend report sums: a date window, the dimensions to group by, a filter and paging' })
export class SpendReportInput {
  @Field(() => DateScalar, { description: 'First day of the window (YYYY-MM-DD, UTC)' })
  from: string;

  @Field(() => DateScalar, { description: 'inclusive' })
  to: string;

  @Field(() => [SpendDimension], { description: 'Dimensions to group by, at most 5 and at most one of USER, TEAM, ORGANIZATION, END_USER and TAG' })
  groupBy: SpendDimension[];

  @Field(() => SpendReportFilter, { nullable: true, description: 'Keep only rows matching these values' })
  filter?: SpendReportFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: 100, description: 'groups per page, at most 1000' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the previous page (pageInfo.endCursor)' })
  after?: string | null;
}

@InputType({ description: 'A time window is required: LiteLLM indexes SpendLogs by startTime, not by key, user or team' })
export class SpendLogFilter {
  @Field(() => DateTimeScalar, { description: 'Start of the startTime window (UTC)' })
  from: Date;

  @Field(() => DateTimeScalar, { description: 'inclusive' })
  to: Date;

  @Field(() => String, { nullable: true, description: 'raw sk- key or its hash' })
  key?: string | null;

  @Field(() => ID, { nullable: true, description: 'Requests of this internal user (SpendLogs.user)' })
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Requests made with keys of this team' })
  teamId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Requests of this customer (SpendLogs.end_user)' })
  endUserId?: string | null;

  @Field(() => String, { nullable: true, description: 'Model as called or public model name (model or model_group)' })
  model?: string | null;

  @Field(() => String, { nullable: true, description: 'success or failure' })
  status?: string | null;

  @Field(() => ID, { nullable: true, description: 'The request with this request_id' })
  requestId?: string | null;

  @Field(() => String, { nullable: true, description: 'Requests of this session (session_id, indexed): a conversation or agent run' })
  sessionId?: string | null;

  @Field(() => String, { nullable: true, description: 'one of request_tags' })
  tag?: string | null;
}

@InputType({ description: 'Narrows error logs; every condition given must hold' })
export class ErrorLogFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only errors whose call started at or after this time (UTC)' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only errors whose call started at or before this time (UTC)' })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: 'model_group or litellm_model_name' })
  model?: string | null;

  @Field(() => String, { nullable: true, description: 'Exception class, e.g. RateLimitError' })
  exceptionType?: string | null;

  @Field(() => String, { nullable: true, description: "HTTP status code as text, e.g. '429'" })
  statusCode?: string | null;
}

@InputType({ description: 'Narrows audit log entries; every condition given must hold' })
export class AuditLogFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only changes made at or after this time (UTC)' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only changes made at or before this time (UTC)' })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: 'e.g. LiteLLM_VerificationToken' })
  tableName?: string | null;

  @Field(() => String, { nullable: true, description: 'Changes to this row: a key hash, team_id, user_id or model_id' })
  objectId?: string | null;

  @Field(() => String, { nullable: true, description: 'created, updated, deleted, blocked, unblocked, rotated' })
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'Changes made by this user_id' })
  changedBy?: string | null;
}
