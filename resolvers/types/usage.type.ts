import { Field, Float, ObjectType } from 'type-graphql';
import { SafeIntScalar } from '../../src/graphql/scalars';

@ObjectType('Usage', { description: 'Sums of the LiteLLM_Daily*Spend rows of a date window (inclusive)' })
export class Usage {
  @Field(() => Float, { description: 'Spend in USD' })
  spend: number;

  @Field(() => SafeIntScalar, { description: 'Input tokens' })
  promptTokens: number;

  @Field(() => SafeIntScalar, { description: 'Output tokens' })
  completionTokens: number;

  @Field(() => SafeIntScalar, { description: 'Prompt plus completion tokens' })
  totalTokens: number;

  @Field(() => SafeIntScalar, { description: 'LLM API requests (api_requests)' })
  requests: number;

  @Field(() => SafeIntScalar, { description: 'Requests that succeeded' })
  successfulRequests: number;

  @Field(() => SafeIntScalar, { description: 'Requests that failed' })
  failedRequests: number;
}
