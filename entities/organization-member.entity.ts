import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Field, Float, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { Budget } from './budget.entity';
import { Organization } from './organization.entity';
import { User } from './user.entity';

@ObjectType('OrganizationMember', { description: "A user's membership in an organization, with role, spend and budget (LiteLLM_OrganizationMembership)" })
@Index('LiteLLM_OrganizationMembership_user_id_organization_id_key', ['userId', 'organizationId'], { unique: true })
@Entity({ name: 'LiteLLM_OrganizationMembership' })
export class OrganizationMember {
  @Field(() => String, { description: 'user_id of the member' })
  @PrimaryColumn({ name: 'user_id', type: 'text' })
  userId: string;

  @Field(() => String, { description: 'organization_id of the organization' })
  @PrimaryColumn({ name: 'organization_id', type: 'text' })
  organizationId: string;

  @Field(() => String, { nullable: true, description: 'Role in the organization: org_admin, internal_user or internal_user_viewer' })
  @Column({ name: 'user_role', type: 'text', nullable: true })
  role: string | null;

  @Field(() => Float, { nullable: true, description: 'Spend in USD of the member in this organization; null unless the caller is this member or an admin of the organization' })
  @Column({ name: 'spend', type: 'double precision', nullable: true, default: () => "0.0" })
  spend: number | null;

  @Field(() => String, { nullable: true, description: "Id of the member's budget tier in this organization; null without one, and unless the caller is this member or an admin of the organization" })
  @Column({ name: 'budget_id', type: 'text', nullable: true })
  budgetId: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the membership was created (UTC)' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, nullable: true, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the membership was last changed (UTC)' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, nullable: true, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date | null;

  @ManyToOne(() => Budget, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'budget_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_OrganizationMembership_budget_id_fkey' })
  budget?: Relation<Budget> | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'organization_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_OrganizationMembership_organization_id_fkey' })
  organization?: Relation<Organization>;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_OrganizationMembership_user_id_fkey' })
  user?: Relation<User>;
}
