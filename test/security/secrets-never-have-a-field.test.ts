import 'reflect-metadata';
import { GraphQLObjectType } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Extensions, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root, buildSchemaSync } from 'type-graphql';
import { Column, Entity, PrimaryColumn, getMetadataArgsStorage } from 'typeorm';
import { ENTITIES } from '../../entities';
import { SECRET_COLUMNS } from '../../entities/secrets';
import { gatewaySchema } from '../../src/graphql/schema';
import { fieldsShowingSecrets } from '../../src/graphql/secret-fields';
import { publicAuditValue } from '../../src/graphql/secrets';
import { reads } from '../../src/graphql/selection';
import { readTsv } from '../helpers/litellm-reference';

test('every deny-listed column is a column of LiteLLM, mapped by an entity, with a reason', () => {
  const columns = new Set(readTsv('columns.tsv').map((r) => `${r.table_name}.${r.column_name}`));
  const mapped = new Set(
    getMetadataArgsStorage()
      .columns.filter((c) => ENTITIES.includes(c.target as (typeof ENTITIES)[number]))
      .map((c) => `${getMetadataArgsStorage().tables.find((t) => t.target === c.target)!.name}.${c.options.name}`),
  );
  for (const [column, { why }] of Object.entries(SECRET_COLUMNS)) {
    expect(columns).toContain(column);
    expect(mapped).toContain(column);
    expect(why.length).toBeGreaterThan(10);
  }
  expect(Object.keys(SECRET_COLUMNS)).toEqual(
    expect.arrayContaining(['LiteLLM_CredentialsTable.credential_values', 'LiteLLM_SSOConfig.sso_settings', 'LiteLLM_MCPUserCredentials.credential_b64', 'LiteLLM_UserTable.password']),
  );
});

test("no field of the gateway's schema shows a deny-listed column; the filtered ones leave only through their field resolvers", () => {
  expect(fieldsShowingSecrets(gatewaySchema())).toEqual([]);
  // the filtered columns the schema does show today, each through its resolver
  const fields = (type: string) => Object.keys((gatewaySchema().getType(type) as GraphQLObjectType).getFields());
  expect(fields('Model')).toContain('litellmParams');
  expect(fields('AuditLogEntry')).toEqual(expect.arrayContaining(['beforeValue', 'updatedValues']));
  expect(fields('SpendLog')).toContain('apiBase');
});

describe('a field added on a deny-listed column is caught', () => {
  // A stand-in for a later change: an entity of LiteLLM_CredentialsTable exposed as a GraphQL type.
  @ObjectType('LeakyCredential')
  @Entity({ name: 'LiteLLM_CredentialsTable' })
  class LeakyCredential {
    @Field(() => ID)
    @PrimaryColumn({ name: 'credential_id', type: 'text' })
    credentialId: string;

    @Field(() => String)
    @Column({ name: 'credential_name', type: 'text' })
    credentialName: string;

    @Field(() => GraphQLJSON)
    @Column({ name: 'credential_values', type: 'jsonb' })
    credentialValues: unknown;

    @Column({ name: 'credential_info', type: 'jsonb', nullable: true })
    credentialInfo: unknown;
  }

  @ObjectType('LeakyModel')
  @Entity({ name: 'LiteLLM_ProxyModelTable' })
  class LeakyModel {
    @Field(() => ID)
    @PrimaryColumn({ name: 'model_id', type: 'text' })
    id: string;

    // a plain field on a filtered column: the raw JSON would leave
    @Field(() => GraphQLJSON)
    @Column({ name: 'litellm_params', type: 'jsonb' })
    litellmParams: unknown;
  }

  @Resolver(() => LeakyCredential)
  class LeakyCredentialResolver {
    @Query(() => [LeakyCredential])
    leakyCredentials(): LeakyCredential[] {
      return [];
    }

    @Query(() => [LeakyModel])
    leakyModels(): LeakyModel[] {
      return [];
    }

    // a computed field that declares it reads the secret
    @FieldResolver(() => Boolean)
    @Extensions(reads('credentialValues'))
    hasApiKey(@Root() c: LeakyCredential): boolean {
      return !!c.credentialValues;
    }

    // credential_info (provider, description) is not a secret
    @FieldResolver(() => GraphQLJSON)
    @Extensions(reads('credentialInfo'))
    info(@Root() c: LeakyCredential): unknown {
      return c.credentialInfo;
    }
  }

  test('plain fields and resolvers that read a secret are violations; a non-secret column is not', () => {
    const schema = buildSchemaSync({ resolvers: [LeakyCredentialResolver], validate: false });
    const why = SECRET_COLUMNS['LiteLLM_CredentialsTable.credential_values'].why;
    expect(fieldsShowingSecrets(schema)).toEqual(
      expect.arrayContaining([
        { field: 'LeakyCredential.credentialValues', column: 'LiteLLM_CredentialsTable.credential_values', why },
        { field: 'LeakyCredential.hasApiKey', column: 'LiteLLM_CredentialsTable.credential_values', why },
        { field: 'LeakyModel.litellmParams', column: 'LiteLLM_ProxyModelTable.litellm_params', why: SECRET_COLUMNS['LiteLLM_ProxyModelTable.litellm_params'].why },
      ]),
    );
    expect(fieldsShowingSecrets(schema).map((v) => v.field).sort()).toEqual(['LeakyCredential.credentialValues', 'LeakyCredential.hasApiKey', 'LeakyModel.litellmParams']);
  });
});

test('audit rows, which copy whole rows, leave out every never-read column by name', () => {
  const row = {
    server_id: 's1',
    server_name: 'github',
    transport: 'stdio',
    env: { GITHUB_TOKEN: 'ghp_secret' },
    args: ['--token', 'ghp_secret'],
    credentials: { auth_value: 'secret' },
    static_headers: { Authorization: 'Bearer secret' },
    nested: { sso_settings: { google_client_secret: 'secret' }, password: 'hash' },
  };
  expect(publicAuditValue(row)).toEqual({ server_id: 's1', server_name: 'github', transport: 'stdio', nested: {} });
  expect(JSON.stringify(publicAuditValue(JSON.stringify(row)))).not.toContain('secret');
});
