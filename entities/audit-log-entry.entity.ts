import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';

@ObjectType('AuditLogEntry', { description: 'One management change recorded in LiteLLM_AuditLog (written only when store_audit_logs is on with an enterprise licence)' })
@Entity({ name: 'LiteLLM_AuditLog' })
export class AuditLogEntry {
  @Field(() => ID, { description: 'Entry id (a UUID)' })
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Field(() => DateTimeResolver, { description: 'When the change was made (UTC)' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Field(() => String, { description: 'user_id of the caller who made the change (or the litellm-changed-by header value when allowed)' })
  @Column({ name: 'changed_by', type: 'text', default: () => "''::text" })
  changedBy: string;

  @Field(() => String, { description: 'SHA-256 hash of the key that made the change' })
  @Column({ name: 'changed_by_api_key', type: 'text', default: () => "''::text" })
  changedByApiKey: string;

  @Field(() => String, { description: 'What happened: created, updated, deleted, blocked, unblocked or rotated' })
  @Column({ name: 'action', type: 'text' })
  action: string;

  @Field(() => String, { description: 'LiteLLM table of the changed row, e.g. LiteLLM_VerificationToken, LiteLLM_TeamTable or LiteLLM_UserTable' })
  @Column({ name: 'table_name', type: 'text' })
  tableName: string;

  @Field(() => String, { description: 'Id of the changed row: a key hash, team_id, user_id or model_id' })
  @Column({ name: 'object_id', type: 'text' })
  objectId: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The row as JSON before the change (null on create), with secrets masked' })
  @Column({ name: 'before_value', type: 'jsonb', nullable: true })
  beforeValue: any | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The request or response JSON of the change, with secrets masked' })
  @Column({ name: 'updated_values', type: 'jsonb', nullable: true })
  updatedValues: any | null;
}
