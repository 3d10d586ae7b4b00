import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';
import { Budget } from './budget.entity';
import { ObjectPermission } from './object-permission.entity';

@ObjectType('Organization')
@Entity({ name: 'LiteLLM_OrganizationTable' })
export class Organization {
  @Field(() => ID)
  @PrimaryColumn({ name: 'organization_id', type: 'text' })
  id: string;

  @Field(() => String)
  @Column({ name: 'organization_alias', type: 'text' })
  alias: string;

  @Field(() => String)
  @Column({ name: 'budget_id', type: 'text' })
  budgetId: string;

  @Field(() => GraphQLJSON)
  @Column({ name: 'metadata', type: 'jsonb', default: () => "'{}'::jsonb" })
  metadata: any;

  @Field(() => [String], { nullable: true })
  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Field(() => Float)
  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Field(() => GraphQLJSON)
  @Column({ name: 'model_spend', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelSpend: any;

  @Field(() => DateTimeResolver)
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => String)
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field(() => DateTimeResolver)
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Field(() => String)
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @ManyToOne(() => Budget, { onDelete: 'RESTRICT', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'budget_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_OrganizationTable_budget_id_fkey' })
  budget?: Relation<Budget>;

  @ManyToOne(() => ObjectPermission, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'object_permission_id', referencedColumnName: 'objectPermissionId', foreignKeyConstraintName: 'LiteLLM_OrganizationTable_object_permission_id_fkey' })
  objectPermission?: Relation<ObjectPermission> | null;
}
