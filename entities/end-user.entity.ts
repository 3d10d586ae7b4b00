import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Budget } from './budget.entity';
import { ObjectPermission } from './object-permission.entity';

@ObjectType('EndUser')
@Entity({ name: 'LiteLLM_EndUserTable' })
export class EndUser {
  @Field(() => ID)
  @PrimaryColumn({ name: 'user_id', type: 'text' })
  id: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'alias', type: 'text', nullable: true })
  alias: string | null;

  @Field(() => Float)
  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Field(() => String, { nullable: true })
  @Column({ name: 'allowed_model_region', type: 'text', nullable: true })
  allowedModelRegion: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'default_model', type: 'text', nullable: true })
  defaultModel: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'budget_id', type: 'text', nullable: true })
  budgetId: string | null;

  @Field(() => Boolean)
  @Column({ name: 'blocked', type: 'boolean', default: () => "false" })
  blocked: boolean;

  @Field(() => String, { nullable: true })
  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @ManyToOne(() => Budget, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'budget_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_EndUserTable_budget_id_fkey' })
  budget?: Relation<Budget> | null;

  @ManyToOne(() => ObjectPermission, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'object_permission_id', referencedColumnName: 'objectPermissionId', foreignKeyConstraintName: 'LiteLLM_EndUserTable_object_permission_id_fkey' })
  objectPermission?: Relation<ObjectPermission> | null;
}
