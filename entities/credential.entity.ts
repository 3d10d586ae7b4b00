import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';

@ObjectType('Credential', { description: 'A named provider credential models refer to (LiteLLM_CredentialsTable): its name and info only; the values never leave the server' })
@Index('LiteLLM_CredentialsTable_credential_name_key', ['credentialName'], { unique: true })
@Entity({ name: 'LiteLLM_CredentialsTable' })
export class Credential {
  @Field(() => ID, { description: 'Credential id (credential_id)' })
  @PrimaryColumn({ name: 'credential_id', type: 'text' })
  credentialId: string;

  @Field(() => String, { description: 'The name models use to refer to it (litellm_credential_name)' })
  @Column({ name: 'credential_name', type: 'text' })
  credentialName: string;

  @Column({ name: 'credential_values', type: 'jsonb' })
  credentialValues: any;

  @Field(() => GraphQLJSON, { nullable: true, description: 'What LiteLLM stores about it besides the secret (custom_llm_provider, description), as JSON' })
  @Column({ name: 'credential_info', type: 'jsonb', nullable: true })
  credentialInfo: any | null;

  @Field(() => DateTimeResolver, { description: 'When the credential was added (UTC)' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => String, { description: 'user_id of the caller who added it' })
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field(() => DateTimeResolver, { description: 'When the credential was last changed (UTC)' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Field(() => String, { description: 'user_id of the caller who last changed it' })
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;
}
