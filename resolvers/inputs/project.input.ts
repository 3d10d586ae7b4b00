import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Narrows projects; ids is the primary key of LiteLLM_ProjectTable (its only index); teamId and alias read the small table (a few projects per team)' })
export class ProjectFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these projects (project_id)' })
  ids?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Projects of this team (team_id)' })
  teamId?: string | null;

  @Field(() => String, { nullable: true, description: 'The project alias (exact)' })
  alias?: string | null;
}
