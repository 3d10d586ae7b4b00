import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';

@ObjectType('Model')
@Entity({ name: 'LiteLLM_ProxyModelTable' })
export class Model {
  @Field(() => ID)
  @PrimaryColumn({ name: 'model_id', type: 'text' })
  id: string;

  @Field(() => String)
  @Column({ name: 'model_name', type: 'text' })
  modelName: string;

  @Column({ name: 'litellm_params', type: 'jsonb' })
  litellmParams: any;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ name: 'model_info', type: 'jsonb', nullable: true })
  modelInfo: any | null;

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

  @Field(() => Boolean)
  @Column({ name: 'blocked', type: 'boolean', default: () => "false" })
  blocked: boolean;
}
