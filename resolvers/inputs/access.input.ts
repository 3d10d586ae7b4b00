import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Narrows credentials; name is the unique index of LiteLLM_CredentialsTable' })
export class CredentialFilter {
  @Field(() => String, { nullable: true, description: 'The credential name (credential_name, exact)' })
  name?: string | null;
}

@InputType({ description: 'Narrows access groups; ids is the primary key and name the unique index of LiteLLM_AccessGroupTable' })
export class AccessGroupFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these groups (access_group_id)' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'The group name (access_group_name, exact)' })
  name?: string | null;
}
