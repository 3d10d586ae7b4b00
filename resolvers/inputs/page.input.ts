import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, at most 100' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor from a previous page (pageInfo.endCursor)' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page backward: this many items before `before` (or from the end), at most 100' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor from a later page (pageInfo.startCursor), with last' })
  before?: string | null;
}
