import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Field, Float, ID, ObjectType, Extensions } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';
import { Budget } from './budget.entity';
import { ObjectPermission } from './object-permission.entity';
import { masksSecrets } from '../src/graphql/secrets';

@ObjectType('Organization', { description: 'An organization that groups teams and users, with a required budget tier (LiteLLM_OrganizationTable)' })
@Entity({ name: 'LiteLLM_OrganizationTable' })
export class Organization {
  @Field(() => ID, { description: 'Organization id (organization_id)' })
  @PrimaryColumn({ name: 'organization_id', type: 'text' })
  id: string;

  @Field(() => String, { description: 'Display name (organization_alias)' })
  @Column({ name: 'organization_alias', type: 'text' })
  alias: string;

  @Field(() => String, { description: "Id of the LiteLLM_BudgetTable tier that holds the organization's max budget, period and limits" })
  @Column({ name: 'budget_id', type: 'text' })
  budgetId: string;

  @Field(() => GraphQLJSON, { description: 'Free-form JSON LiteLLM stores with the organization; values under secret names (api keys, tokens, passwords, credentials) read as ****' })
  @Extensions(masksSecrets)
  @Column({ name: 'metadata', type: 'jsonb', default: () => "'{}'::jsonb" })
  metadata: any;

  @Field(() => [String], { nullable: true, description: "Models the organization's teams and keys may use; empty means all proxy models" })
  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Field(() => Float, { description: "Spend in USD of keys carrying this organization_id since the tier's last reset" })
  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Field(() => GraphQLJSON, { description: 'Spend in USD per model as JSON, {model: usd}' })
  @Column({ name: 'model_spend', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelSpend: any;

  @Field(() => DateTimeResolver, { description: 'When the organization was created (UTC)' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => String, { description: 'user_id of the caller who created the organization' })
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field(() => DateTimeResolver, { description: 'When the organization was last changed (UTC)' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Field(() => String, { description: 'user_id of the caller who last changed the organization' })
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @Field(() => String, { nullable: true, description: 'Id of the LiteLLM_ObjectPermissionTable row with MCP, vector-store and agent allow-lists; null when none' })
  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @ManyToOne(() => Budget, { onDelete: 'RESTRICT', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'budget_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_OrganizationTable_budget_id_fkey' })
  budget?: Relation<Budget>;

  @ManyToOne(() => ObjectPermission, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'object_permission_id', referencedColumnName: 'objectPermissionId', foreignKeyConstraintName: 'LiteLLM_OrganizationTable_object_permission_id_fkey' })
  objectPermission?: Relation<ObjectPermission> | null;
}
