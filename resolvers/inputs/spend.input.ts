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
registerEnumType(SpendDimension, { name: 'SpendDimension' });

@InputType({ description: 'Each list keeps rows whose value is one of those given' })
export class SpendReportFilter {
  @Field(() => [String], { nullable: true, description: 'raw sk- keys or their hashes' })
  keys?: string[] | null;

  @Field(() => [ID], { nullable: true })
  users?: string[] | null;

  @Field(() => [ID], { nullable: true })
  teams?: string[] | null;

  @Field(() => [ID], { nullable: true })
  organizations?: string[] | null;

  @Field(() => [ID], { nullable: true })
  endUsers?: string[] | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => [String], { nullable: true })
  models?: string[] | null;

  @Field(() => [String], { nullable: true })
  modelGroups?: string[] | null;

  @Field(() => [String], { nullable: true })
  providers?: string[] | null;
}

@InputType()
export class SpendReportInput {
  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar, { description: 'inclusive' })
  to: string;

  @Field(() => [SpendDimension])
  groupBy: SpendDimension[];

  @Field(() => SpendReportFilter, { nullable: true })
  filter?: SpendReportFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: 100, description: 'groups per page, at most 1000' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@InputType({ description: 'A time window is required: LiteLLM indexes SpendLogs by startTime, not by key, user or team' })
export class SpendLogFilter {
  @Field(() => DateTimeScalar)
  from: Date;

  @Field(() => DateTimeScalar, { description: 'inclusive' })
  to: Date;

  @Field(() => String, { nullable: true, description: 'raw sk- key or its hash' })
  key?: string | null;

  @Field(() => ID, { nullable: true })
  userId?: string | null;

  @Field(() => ID, { nullable: true })
  teamId?: string | null;

  @Field(() => ID, { nullable: true })
  endUserId?: string | null;

  @Field(() => String, { nullable: true })
  model?: string | null;

  @Field(() => String, { nullable: true, description: 'success or failure' })
  status?: string | null;

  @Field(() => ID, { nullable: true })
  requestId?: string | null;

  @Field(() => String, { nullable: true, description: 'one of request_tags' })
  tag?: string | null;
}

@InputType()
export class ErrorLogFilter {
  @Field(() => DateTimeScalar, { nullable: true })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: 'model_group or litellm_model_name' })
  model?: string | null;

  @Field(() => String, { nullable: true })
  exceptionType?: string | null;

  @Field(() => String, { nullable: true })
  statusCode?: string | null;
}

@InputType()
export class AuditLogFilter {
  @Field(() => DateTimeScalar, { nullable: true })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: 'e.g. LiteLLM_VerificationToken' })
  tableName?: string | null;

  @Field(() => String, { nullable: true })
  objectId?: string | null;

  @Field(() => String, { nullable: true, description: 'created, updated, deleted, blocked, unblocked, rotated' })
  action?: string | null;

  @Field(() => String, { nullable: true })
  changedBy?: string | null;
}
