import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';

@ObjectType('Policy', { description: 'One version of a guardrail policy (LiteLLM_PolicyTable)' })
@Index('LiteLLM_PolicyTable_policy_name_version_number_key', ['policyName', 'versionNumber'], { unique: true })
@Index('LiteLLM_PolicyTable_policy_name_version_status_idx', ['policyName', 'versionStatus'])
@Entity({ name: 'LiteLLM_PolicyTable' })
export class Policy {
  @Field(() => ID, { description: 'Id of this version' })
  @PrimaryColumn({ name: 'policy_id', type: 'text' })
  policyId: string;

  @Field(() => String, { description: 'Policy name, shared by its versions' })
  @Column({ name: 'policy_name', type: 'text' })
  policyName: string;

  @Field(() => String, { nullable: true, description: 'Name of the policy it inherits from' })
  @Column({ name: 'inherit', type: 'text', nullable: true })
  inherit: string | null;

  @Field(() => String, { nullable: true, description: 'Description' })
  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Field(() => [String], { nullable: true, description: 'Guardrails the policy adds' })
  @Column({ name: 'guardrails_add', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  guardrailsAdd: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Guardrails the policy removes' })
  @Column({ name: 'guardrails_remove', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  guardrailsRemove: string[] | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'When the policy applies (model patterns and the like)' })
  @Column({ name: 'condition', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  condition: any | null;

  @Field(() => DateTimeResolver, { description: 'When this version was made' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => String, { nullable: true, description: 'Who made it' })
  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Field(() => DateTimeResolver, { description: 'Last change' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Field(() => String, { nullable: true, description: 'Who changed it last' })
  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;

  @Field(() => Int, { description: 'Version number within the policy name' })
  @Column({ name: 'version_number', type: 'integer', default: () => "1" })
  versionNumber: number;

  @Field(() => String, { description: 'draft, published or production' })
  @Column({ name: 'version_status', type: 'text', default: () => "'production'::text" })
  versionStatus: string;

  @Field(() => String, { nullable: true, description: 'The version this one was made from' })
  @Column({ name: 'parent_version_id', type: 'text', nullable: true })
  parentVersionId: string | null;

  @Field(() => Boolean, { description: 'Whether this is the newest version' })
  @Column({ name: 'is_latest', type: 'boolean', default: () => "true" })
  isLatest: boolean;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was published' })
  @Column({ name: 'published_at', type: 'timestamp', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it went to production' })
  @Column({ name: 'production_at', type: 'timestamp', precision: 3, nullable: true })
  productionAt: Date | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Ordered guardrail pipeline of the policy' })
  @Column({ name: 'pipeline', type: 'jsonb', nullable: true })
  pipeline: any | null;
}
