import { masksSecrets } from '../src/graphql/secrets';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Extensions, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';
import { Budget } from './budget.entity';

@ObjectType('Tag', { description: 'A request tag with its own budget tier and spend (LiteLLM_TagTable); tags route requests and attribute their spend' })
@Entity({ name: 'LiteLLM_TagTable' })
export class Tag {
  @Field(() => ID, { description: 'The tag (tag_name), as requests carry it in metadata.tags' })
  @PrimaryColumn({ name: 'tag_name', type: 'text' })
  tagName: string;

  @Field(() => String, { nullable: true, description: 'What the tag is for; null when not set' })
  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Field(() => [String], { nullable: true, description: 'Models (deployment ids) requests with this tag are routed to; null or empty means no restriction' })
  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Model details LiteLLM stored with the tag, as JSON; values under secret names (api keys, tokens, passwords, credentials) read as ****' })
  @Extensions(masksSecrets)
  @Column({ name: 'model_info', type: 'jsonb', nullable: true })
  modelInfo: any | null;

  // GraphQL field in resolvers/coverage.resolver.ts: admins only
  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Field(() => String, { nullable: true, description: 'budget_id of the tag\'s budget tier; null when none' })
  @Column({ name: 'budget_id', type: 'text', nullable: true })
  budgetId: string | null;

  @Field(() => DateTimeResolver, { description: 'When the tag was created (UTC)' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => String, { nullable: true, description: 'user_id of the caller who created the tag' })
  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Field(() => DateTimeResolver, { description: 'When the tag was last changed (UTC)' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @ManyToOne(() => Budget, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'budget_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_TagTable_budget_id_fkey' })
  budget?: Relation<Budget> | null;
}
