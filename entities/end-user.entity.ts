import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Budget } from './budget.entity';
import { ObjectPermission } from './object-permission.entity';

@ObjectType('EndUser', { description: 'A customer of your LLM app, identified by the user id its requests send (LiteLLM_EndUserTable); LiteLLM creates the row on first spend' })
@Entity({ name: 'LiteLLM_EndUserTable' })
export class EndUser {
  @Field(() => ID, { description: "Customer id as sent in a request's user field or customer header (LiteLLM_EndUserTable.user_id)" })
  @PrimaryColumn({ name: 'user_id', type: 'text' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Display name; null when not set' })
  @Column({ name: 'alias', type: 'text', nullable: true })
  alias: string | null;

  @Field(() => Float, { description: "Spend in USD of this customer's requests since the tier's last reset" })
  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Field(() => String, { nullable: true, description: "Region this customer's requests must be routed to (e.g. eu); null means any region" })
  @Column({ name: 'allowed_model_region', type: 'text', nullable: true })
  allowedModelRegion: string | null;

  @Field(() => String, { nullable: true, description: 'Model LiteLLM uses for this customer when the request names none; null when not set' })
  @Column({ name: 'default_model', type: 'text', nullable: true })
  defaultModel: string | null;

  @Field(() => String, { nullable: true, description: "Id of the budget tier with this customer's limits; null when none (the proxy's default end-user budget may apply)" })
  @Column({ name: 'budget_id', type: 'text', nullable: true })
  budgetId: string | null;

  @Field(() => Boolean, { description: 'When true, LiteLLM rejects every request from this customer' })
  @Column({ name: 'blocked', type: 'boolean', default: () => "false" })
  blocked: boolean;

  @Field(() => String, { nullable: true, description: 'Id of the LiteLLM_ObjectPermissionTable row with MCP, vector-store and agent allow-lists; null when none' })
  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @ManyToOne(() => Budget, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'budget_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_EndUserTable_budget_id_fkey' })
  budget?: Relation<Budget> | null;

  @ManyToOne(() => ObjectPermission, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'object_permission_id', referencedColumnName: 'objectPermissionId', foreignKeyConstraintName: 'LiteLLM_EndUserTable_object_permission_id_fkey' })
  objectPermission?: Relation<ObjectPermission> | null;
}
