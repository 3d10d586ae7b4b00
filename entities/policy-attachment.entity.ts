import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';

@ObjectType('PolicyAttachment', { description: 'Where a policy applies (LiteLLM_PolicyAttachmentTable): globally or to teams, keys, models, tags' })
@Entity({ name: 'LiteLLM_PolicyAttachmentTable' })
export class PolicyAttachment {
  @Field(() => ID, { description: 'Attachment id' })
  @PrimaryColumn({ name: 'attachment_id', type: 'text' })
  attachmentId: string;

  @Field(() => String, { description: 'The policy attached' })
  @Column({ name: 'policy_name', type: 'text' })
  policyName: string;

  @Field(() => String, { nullable: true, description: '"*" for everything, or null when teams, keys, models or tags narrow it' })
  @Column({ name: 'scope', type: 'text', nullable: true })
  scope: string | null;

  @Field(() => [String], { nullable: true, description: 'Team ids it applies to' })
  @Column({ name: 'teams', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  teams: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Keys (hashes or aliases) it applies to' })
  @Column({ name: 'keys', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  keys: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Models it applies to' })
  @Column({ name: 'models', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  models: string[] | null;

  @Field(() => DateTimeResolver, { description: 'When it was made' })
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

  @Field(() => [String], { nullable: true, description: 'Tags it applies to' })
  @Column({ name: 'tags', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  tags: string[] | null;
}
