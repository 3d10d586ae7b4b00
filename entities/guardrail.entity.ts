import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';

@ObjectType('Guardrail', { description: 'A guardrail stored in the database (LiteLLM_GuardrailsTable)' })
@Index('LiteLLM_GuardrailsTable_guardrail_name_key', ['guardrailName'], { unique: true })
@Index('LiteLLM_GuardrailsTable_status_idx', ['status'])
@Entity({ name: 'LiteLLM_GuardrailsTable' })
export class Guardrail {
  @Field(() => ID, { description: 'Guardrail id' })
  @PrimaryColumn({ name: 'guardrail_id', type: 'text' })
  guardrailId: string;

  @Field(() => String, { description: 'Unique guardrail name' })
  @Column({ name: 'guardrail_name', type: 'text' })
  guardrailName: string;

  @Column({ name: 'litellm_params', type: 'jsonb' })
  litellmParams: any;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Description and settings LiteLLM shows in its UI' })
  @Column({ name: 'guardrail_info', type: 'jsonb', nullable: true })
  guardrailInfo: any | null;

  @Field(() => DateTimeResolver, { description: 'When it was made' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => DateTimeResolver, { description: 'Last change' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;

  @Field(() => ID, { nullable: true, description: 'Team that owns it (team guardrails), or null for a proxy-wide one' })
  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;

  @Field(() => String, { description: 'active, pending_review or rejected' })
  @Column({ name: 'status', type: 'text', default: () => "'active'::text" })
  status: string;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When a team submitted it for review' })
  @Column({ name: 'submitted_at', type: 'timestamp', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was reviewed' })
  @Column({ name: 'reviewed_at', type: 'timestamp', precision: 3, nullable: true })
  reviewedAt: Date | null;
}
