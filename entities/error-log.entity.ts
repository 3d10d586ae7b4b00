import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';

@ObjectType('ErrorLog')
@Entity({ name: 'LiteLLM_ErrorLogs' })
export class ErrorLog {
  @Field(() => ID)
  @PrimaryColumn({ name: 'request_id', type: 'text' })
  requestId: string;

  @Field(() => DateTimeResolver)
  @Column({ name: 'startTime', type: 'timestamp', precision: 3 })
  startTime: Date;

  @Field(() => DateTimeResolver)
  @Column({ name: 'endTime', type: 'timestamp', precision: 3 })
  endTime: Date;

  @Field(() => String)
  @Column({ name: 'api_base', type: 'text', default: () => "''::text" })
  apiBase: string;

  @Field(() => String)
  @Column({ name: 'model_group', type: 'text', default: () => "''::text" })
  modelGroup: string;

  @Field(() => String)
  @Column({ name: 'litellm_model_name', type: 'text', default: () => "''::text" })
  litellmModelName: string;

  @Field(() => String)
  @Column({ name: 'model_id', type: 'text', default: () => "''::text" })
  modelId: string;

  @Field(() => GraphQLJSON)
  @Column({ name: 'request_kwargs', type: 'jsonb', default: () => "'{}'::jsonb" })
  requestKwargs: any;

  @Field(() => String)
  @Column({ name: 'exception_type', type: 'text', default: () => "''::text" })
  exceptionType: string;

  @Field(() => String)
  @Column({ name: 'exception_string', type: 'text', default: () => "''::text" })
  exceptionString: string;

  @Field(() => String)
  @Column({ name: 'status_code', type: 'text', default: () => "''::text" })
  statusCode: string;
}
