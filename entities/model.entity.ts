import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType, Extensions } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';
import { masksSecrets } from '../src/graphql/secrets';

@ObjectType('Model', { description: 'A model deployment stored in the database (LiteLLM_ProxyModelTable, used with STORE_MODEL_IN_DB=True)' })
@Entity({ name: 'LiteLLM_ProxyModelTable' })
export class Model {
  @Field(() => ID, { description: 'Deployment id (model_id)' })
  @PrimaryColumn({ name: 'model_id', type: 'text' })
  id: string;

  @Field(() => String, { description: 'Public model name callers request; several deployments may share it' })
  @Column({ name: 'model_name', type: 'text' })
  modelName: string;

  @Column({ name: 'litellm_params', type: 'jsonb' })
  litellmParams: any;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Deployment metadata as JSON (id, base_model, mode, costs, …); values under secret names (api keys, tokens, passwords, credentials) read as ****' })
  @Extensions(masksSecrets)
  @Column({ name: 'model_info', type: 'jsonb', nullable: true })
  modelInfo: any | null;

  @Field(() => DateTimeResolver, { description: 'When the deployment was added (UTC)' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => String, { description: 'user_id of the caller who added the deployment' })
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field(() => DateTimeResolver, { description: 'When the deployment was last changed (UTC)' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Field(() => String, { description: 'user_id of the caller who last changed the deployment' })
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @Field(() => Boolean, { description: 'When true, the router sends no traffic to this deployment' })
  @Column({ name: 'blocked', type: 'boolean', default: () => "false" })
  blocked: boolean;
}
