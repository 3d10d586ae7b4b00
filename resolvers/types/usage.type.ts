import { Field, Float, ObjectType } from 'type-graphql';
import { SafeIntScalar } from '../../src/graphql/scalars';

@ObjectType('Usage', { description: 'Sums of the LiteLLM_Daily*Spend rows of a date window (inclusive)' })
export class Usage {
  @Field(() => Float)
  spend: number;

  @Field(() => SafeIntScalar)
  promptTokens: number;

  @Field(() => SafeIntScalar)
  completionTokens: number;

  @Field(() => SafeIntScalar)
  totalTokens: number;

  @Field(() => SafeIntScalar)
  requests: number;

  @Field(() => SafeIntScalar)
  successfulRequests: number;

  @Field(() => SafeIntScalar)
  failedRequests: number;
}
