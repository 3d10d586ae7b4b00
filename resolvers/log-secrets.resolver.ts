import { FieldResolver, Resolver, Root } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { AuditLogEntry, ErrorLog, SpendLog } from '../entities';
import { publicAuditValue, publicUrl } from '../src/graphql/secrets';

/**
 * Columns declared on the entities that copy a deployment's configuration, read through the same rules as
 * Model.litellmParams: api_base without user info, query string or fragment; audit rows without passwords,
 * credential values or secret litellm_params. (The entity's @Field keeps the field's type and description.)
 */
@Resolver(() => SpendLog)
export class SpendLogSecretsResolver {
  @FieldResolver(() => String, { nullable: true })
  apiBase(@Root() l: SpendLog) {
    return l.apiBase ? publicUrl(l.apiBase) ?? '' : l.apiBase;
  }
}

@Resolver(() => ErrorLog)
export class ErrorLogSecretsResolver {
  @FieldResolver(() => String)
  apiBase(@Root() l: ErrorLog) {
    return l.apiBase ? publicUrl(l.apiBase) ?? '' : '';
  }
}

@Resolver(() => AuditLogEntry)
export class AuditLogSecretsResolver {
  @FieldResolver(() => GraphQLJSON, { nullable: true })
  beforeValue(@Root() e: AuditLogEntry) {
    return publicAuditValue(e.beforeValue);
  }

  @FieldResolver(() => GraphQLJSON, { nullable: true })
  updatedValues(@Root() e: AuditLogEntry) {
    return publicAuditValue(e.updatedValues);
  }
}
