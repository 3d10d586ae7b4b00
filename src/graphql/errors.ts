import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX'
  | 'SERVICE_UNAVAILABLE'
  | 'FEATURE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export class GatewayError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const badInput = (field: string, message: string) => new GatewayError('BAD_USER_INPUT', `${field}: ${message}`, { field });
export const notFound = (what: string, id: string) => new GatewayError('NOT_FOUND', `${what} '${id}' not found`);
export const forbidden = (message: string) => new GatewayError('FORBIDDEN', message);
export const conflict = (message: string, field?: string) => new GatewayError('CONFLICT', message, field ? { field } : {});
export const unauthenticated = (message: string) => new GatewayError('UNAUTHENTICATED', message);
export const tooComplex = (message: string) => new GatewayError('QUERY_TOO_COMPLEX', message);
export const featureUnavailable = (table: string) =>
  new GatewayError('FEATURE_UNAVAILABLE', `This database has no usable ${table} (missing, or from an older LiteLLM release): the feature that reads it is unavailable`, { table });
