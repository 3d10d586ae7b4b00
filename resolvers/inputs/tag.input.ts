import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Narrows tags; names is the primary key of LiteLLM_TagTable (its only index), budgetId reads the small table' })
export class TagFilter {
  @Field(() => [String], { nullable: true, description: 'Only these tags (tag_name, exact)' })
  names?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Tags linked to this budget tier (budget_id)' })
  budgetId?: string | null;
}
