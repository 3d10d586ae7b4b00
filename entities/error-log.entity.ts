import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType, Extensions } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';
import { masksSecrets } from '../src/graphql/secrets';

@ObjectType('ErrorLog', { description: 'A failed LLM call recorded in LiteLLM_ErrorLogs (unless general_settings.disable_error_logs is set)' })
@Entity({ name: 'LiteLLM_ErrorLogs' })
export class ErrorLog {
  @Field(() => ID, { description: 'Id of this error row (a fresh UUID, not the id of the LLM request)' })
  @PrimaryColumn({ name: 'request_id', type: 'text' })
  requestId: string;

  @Field(() => DateTimeResolver, { description: 'When the failed call started (UTC)' })
  @Column({ name: 'startTime', type: 'timestamp', precision: 3 })
  startTime: Date;

  @Field(() => DateTimeResolver, { description: 'When the failed call ended (UTC)' })
  @Column({ name: 'endTime', type: 'timestamp', precision: 3 })
  endTime: Date;

  @Field(() => String, { description: 'Provider endpoint called, without user info, query string or fragment' })
  @Column({ name: 'api_base', type: 'text', default: () => "''::text" })
  apiBase: string;

  @Field(() => String, { description: 'Public model name the caller requested (model_group)' })
  @Column({ name: 'model_group', type: 'text', default: () => "''::text" })
  modelGroup: string;

  @Field(() => String, { description: 'Underlying provider model LiteLLM called, e.g. azure/gpt-4o' })
  @Column({ name: 'litellm_model_name', type: 'text', default: () => "''::text" })
  litellmModelName: string;

  @Field(() => String, { description: 'Id of the deployment that failed' })
  @Column({ name: 'model_id', type: 'text', default: () => "''::text" })
  modelId: string;

  @Field(() => GraphQLJSON, { description: 'Optional parameters of the request as JSON; values under secret names (api keys, tokens, passwords, credentials) read as ****' })
  @Extensions(masksSecrets)
  @Column({ name: 'request_kwargs', type: 'jsonb', default: () => "'{}'::jsonb" })
  requestKwargs: any;

  @Field(() => String, { description: 'Exception class, e.g. RateLimitError or Timeout' })
  @Column({ name: 'exception_type', type: 'text', default: () => "''::text" })
  exceptionType: string;

  @Field(() => String, { description: 'Exception message (older LiteLLM versions cut it to 500 characters)' })
  @Column({ name: 'exception_string', type: 'text', default: () => "''::text" })
  exceptionString: string;

  @Field(() => String, { description: "HTTP status code as text, e.g. '429'" })
  @Column({ name: 'status_code', type: 'text', default: () => "''::text" })
  statusCode: string;
}
