import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';

@ObjectType('AuditLogEntry')
@Entity({ name: 'LiteLLM_AuditLog' })
export class AuditLogEntry {
  @Field(() => ID)
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Field(() => DateTimeResolver)
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Field(() => String)
  @Column({ name: 'changed_by', type: 'text', default: () => "''::text" })
  changedBy: string;

  @Field(() => String)
  @Column({ name: 'changed_by_api_key', type: 'text', default: () => "''::text" })
  changedByApiKey: string;

  @Field(() => String)
  @Column({ name: 'action', type: 'text' })
  action: string;

  @Field(() => String)
  @Column({ name: 'table_name', type: 'text' })
  tableName: string;

  @Field(() => String)
  @Column({ name: 'object_id', type: 'text' })
  objectId: string;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ name: 'before_value', type: 'jsonb', nullable: true })
  beforeValue: any | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ name: 'updated_values', type: 'jsonb', nullable: true })
  updatedValues: any | null;
}
