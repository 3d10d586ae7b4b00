/**
 * What of LiteLLM's stored configuration may leave the server. litellm_params is read through an allow-list:
 * a parameter not named here is never returned, whatever its name, type or nesting.
 */

import { defaultFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { NEVER_READ_COLUMNS } from '../../entities/secrets';

type Kind = 'string' | 'number' | 'boolean' | 'url' | 'timeout' | 'strings' | 'stringOrStrings';

// Names from LiteLLM's LiteLLM_Params / GenericLiteLLMParams / LiteLLMParamsTypedDict (litellm/types/router.py).
const PUBLIC_PARAMS: Record<string, Kind> = {
  model: 'string',
  custom_llm_provider: 'string',
  api_base: 'url',
  base_url: 'url',
  api_version: 'string',
  // identifiers, not credentials: LiteLLM's /model/info shows them to every key holder
  organization: 'string',
  vertex_project: 'string',
  region_name: 'string',
  vertex_location: 'string',
  aws_region_name: 'string',
  watsonx_region_name: 'string',
  // the name of a LiteLLM_CredentialsTable row, not its values
  litellm_credential_name: 'string',
  tpm: 'number',
  rpm: 'number',
  itpm: 'number',
  otpm: 'number',
  max_parallel_requests: 'number',
  order: 'number',
  weight: 'number',
  timeout: 'timeout',
  stream_timeout: 'timeout',
  max_retries: 'number',
  num_retries: 'number',
  cooldown_time: 'number',
  max_budget: 'number',
  budget_duration: 'string',
  max_tokens: 'number',
  max_file_size_mb: 'number',
  input_cost_per_token: 'number',
  output_cost_per_token: 'number',
  input_cost_per_second: 'number',
  output_cost_per_second: 'number',
  drop_params: 'boolean',
  use_in_pass_through: 'boolean',
  use_litellm_proxy: 'boolean',
  use_chat_completions_api: 'boolean',
  merge_reasoning_content_in_choices: 'boolean',
  tags: 'strings',
};

// LiteLLM's custom pricing fields (input_cost_per_token_above_128k_tokens, cache_read_input_token_cost, ...): numbers only.
const COST_PARAM = /^[a-z0-9_]*cost[a-z0-9_]*$/;

// LiteLLM resolves "os.environ/NAME" when it loads a deployment: the stored value names a variable, it is not the secret.
const ENV_REF = /^os\.environ\/[A-Za-z_][A-Za-z0-9_]*$/;

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** scheme, host, port and path of an http(s) URL: never its user info, query string or fragment. */
export function publicUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}

function publicValue(kind: Kind, value: unknown): unknown {
  if (typeof value === 'string' && ENV_REF.test(value)) return value;
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'number':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && NUMERIC.test(value)) ? value : undefined;
    case 'timeout':
      return publicValue('number', value);
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'url':
      return publicUrl(value) ?? undefined;
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...value] : undefined;
    case 'stringOrStrings':
      return publicValue(typeof value === 'string' ? 'string' : 'strings', value);
  }
}

/** The known non-secret parameters of a deployment's litellm_params; everything else stays inside. */
export const publicLitellmParams = (params: unknown) =>
  publicParamsOf((name) => (Object.prototype.hasOwnProperty.call(PUBLIC_PARAMS, name) ? PUBLIC_PARAMS[name] : COST_PARAM.test(name) ? 'number' : undefined), params);

// LiteLLM's LitellmParams of a guardrail (litellm/types/guardrails.py): which integration, when it runs, and
// its non-secret switches; api_key, credentials and headers stay inside.
const GUARDRAIL_PARAMS: Record<string, Kind> = {
  guardrail: 'string',
  // one event (pre_call) or several
  mode: 'stringOrStrings',
  default_on: 'boolean',
  api_base: 'url',
  guardrailIdentifier: 'string',
  guardrailVersion: 'string',
  mask_request_content: 'boolean',
  mask_response_content: 'boolean',
  detect_secrets_config: 'string',
  pii_entities_config: 'string',
  category_thresholds: 'string',
  violation_message_template: 'string',
  fail_on_error: 'boolean',
  unreachable_fallback: 'string',
  experimental_use_latest_role_message_only: 'boolean',
};

// A prompt's integration settings (litellm/types/prompts): which integration and which prompt it names.
const PROMPT_PARAMS: Record<string, Kind> = {
  prompt_id: 'string',
  prompt_integration: 'string',
  prompt_label: 'string',
  prompt_version: 'number',
  model: 'string',
  dotprompt_content: 'string',
  api_base: 'url',
};

/** The parameters of a stored params object (JSON or its text) whose name has a kind; everything else stays inside. */
function publicParamsOf(kindOf: (name: string) => Kind | undefined, params: unknown): Record<string, unknown> | null {
  if (typeof params === 'string') {
    try {
      params = JSON.parse(params);
    } catch {
      return null;
    }
  }
  if (!params || typeof params !== 'object' || Array.isArray(params)) return null;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params as Record<string, unknown>)) {
    const kind = kindOf(name);
    const shown = kind && publicValue(kind, value);
    if (shown !== undefined) out[name] = shown;
  }
  return out;
}

const allowListed = (allowed: Record<string, Kind>) => (name: string) => (Object.prototype.hasOwnProperty.call(allowed, name) ? allowed[name] : undefined);

export const publicGuardrailParams = (params: unknown) => publicParamsOf(allowListed(GUARDRAIL_PARAMS), params);
export const publicPromptParams = (params: unknown) => publicParamsOf(allowListed(PROMPT_PARAMS), params);

// Audit rows copy whole rows: the deny-list's never-read columns (password, credential_values, MCP credentials
// and env, SSO settings, …) leave them by name, wherever they are nested.
const SECRET_COLUMNS = new Set([...NEVER_READ_COLUMNS].map((c) => c.slice(c.indexOf('.') + 1)));

/**
 * An audit row's before/updated value with secrets taken out: LiteLLM dumps whole rows there, so a model's
 * audit entry carries its litellm_params and a user's its password hash; and the rows' JSON (a key's metadata
 * with its logging callbacks' keys) goes through maskSecrets, except the row's own `token` column (the key's
 * hash, its id). The value may be a JSON string.
 */
export function publicAuditValue(value: unknown): unknown {
  if (typeof value === 'string' && /^\s*[{[]/.test(value)) {
    try {
      return JSON.stringify(maskSecrets(withoutSecretColumns(JSON.parse(value)), AUDIT_ROW_IDS));
    } catch {
      // not JSON after all: it cannot be walked, so it leaves whole only without a word a secret name holds
      return WORDS.test(value) ? MASK : value;
    }
  }
  return maskSecrets(withoutSecretColumns(value), AUDIT_ROW_IDS);
}

const AUDIT_ROW_IDS: ReadonlySet<string> = new Set(['token']);

function withoutSecretColumns(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > 20) return null;
  if (Array.isArray(value)) return value.map((v) => withoutSecretColumns(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (SECRET_COLUMNS.has(k)) continue;
    out[k] = k === 'litellm_params' ? publicLitellmParams(v) : withoutSecretColumns(v, depth + 1);
  }
  return out;
}

/**
 * Secrets inside stored JSON (metadata, router settings, logged request bodies): one rule, by the name of the
 * object key that holds the value, applied at any depth and inside JSON written as a string. A value under a
 * secret name leaves as MASK (null stays null); everything else leaves unchanged. docs/security.md lists it.
 */
export const MASK = '****';

/**
 * The words a secret name contains: a name the rule masks contains one of them (ASCII, any case), so a JSON
 * text that contains none of them anywhere holds no value the rule would mask (the JSON reads test that).
 */
export const SECRET_WORDS = ['key', 'secret', 'passw', 'pwd', 'credential', 'authoriz', 'cookie', 'private', 'webhook', 'token'] as const;

// Names that end in key (api_key, x-api-key, private_key, aws_secret_access_key, langfuse_public_key, apiKey,
// api_keys, ocp-apim-subscription-key), aws_access_key_id, and anything naming a secret, password, credential,
// authorization header, cookie, private key or webhook (Slack's URL is its secret).
const SECRET_NAME = /keys?$|access[_-]?key|secret|passw|pwd$|credential|authoriz|cookie|private|webhook/i;
// A token is a credential (token, access_token, refresh_token, id_token, aws_session_token, azure_ad_token) unless
// the name counts or prices tokens (total_tokens, max_tokens, prompt_tokens_details, input_cost_per_token) or
// names something about tokens (token_url, token_type, tokenizer, token_count).
const TOKEN = /token/i;
const TOKEN_NOT_SECRET = /tokens|per[_-]?token|token[_-]?(count|url|type|endpoint|limit)|tokenizer/i;
const TOKENS_SECRET = /(^|[_-])(access|refresh|auth|api|bearer|id|session|oauth)[_-]?tokens/i;
// LiteLLM writes the calling key's SHA-256 there (spend log metadata): the key's id, which VirtualKey.token shows.
const NOT_SECRET = new Set(['user_api_key']);

/** Whether a JSON object key names a secret (see SECRET_WORDS: every such name contains one of them). */
export function isSecretName(name: string): boolean {
  if (NOT_SECRET.has(name.toLowerCase())) return false;
  if (SECRET_NAME.test(name)) return true;
  return TOKEN.test(name) && (!TOKEN_NOT_SECRET.test(name) || TOKENS_SECRET.test(name));
}

/**
 * A case-insensitive PostgreSQL regular expression that matches the text of any JSON value the rule would
 * change: a secret word, or an escaped backslash-u (JSON kept in a string may spell a word in \u escapes).
 * The JSON reads send a value that matches it to the resolvers (the statement fails, the resolvers answer).
 */
export const SECRET_TEXT_PATTERN = `${SECRET_WORDS.join('|')}|\\\\\\\\u`;

const JSON_TEXT = /^\s*[{[]/;
/** nesting beyond which a value is not walked: masked whole when its text holds a secret word */
const MAX_DEPTH = 64;
const WORDS = new RegExp(SECRET_WORDS.join('|'), 'i');

/**
 * The value with every secret-named member masked, at any depth; a string holding a JSON object or array is
 * masked inside (and written back as JSON only when something was masked). Unchanged values are returned as
 * they are (the same reference). `keep` names top-level members left as they are (audit rows: the key hash).
 */
export function maskSecrets(value: unknown, keep?: ReadonlySet<string>): unknown {
  return mask(value, 0, keep);
}

function mask(value: unknown, depth: number, keep?: ReadonlySet<string>): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') {
    if (!JSON_TEXT.test(value)) return value;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return value;
    }
    const masked = mask(parsed, depth + 1);
    return masked === parsed ? value : JSON.stringify(masked);
  }
  if (typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return WORDS.test(JSON.stringify(value)) ? MASK : value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((v, i) => {
      const m = mask(v, depth + 1);
      if (m !== v) (out ??= [...value])[i] = m;
    });
    return out ?? value;
  }
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const m = v === null || v === undefined ? v : isSecretName(k) && !keep?.has(k) ? MASK : mask(v, depth + 1);
    if (m !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = m;
  }
  return out ?? value;
}

/**
 * A JSON value written back by a client that read it masked: every secret-named member the client sends as
 * MASK takes the stored value at the same path (dropped when nothing is stored there), so a read-modify-write
 * of metadata keeps the logging callbacks' keys instead of storing the mask.
 */
export function restoreMasked<T>(given: T, stored: unknown): T {
  return restore(given, stored, 0) as T;
}

function restore(given: unknown, stored: unknown, depth: number): unknown {
  if (typeof given === 'string' && typeof stored === 'string' && JSON_TEXT.test(given)) {
    // JSON kept in a string: sent back as it was read, it is the stored string; edited, it is restored inside
    if (given === mask(stored, depth)) return stored;
    try {
      const parsed = JSON.parse(given);
      const restored = restore(parsed, JSON.parse(stored), depth + 1);
      return JSON.stringify(restored) === JSON.stringify(parsed) ? given : JSON.stringify(restored);
    } catch {
      return given;
    }
  }
  if (given === null || typeof given !== 'object' || depth > MAX_DEPTH) return given;
  if (Array.isArray(given)) return given.map((v, i) => restore(v, Array.isArray(stored) ? stored[i] : undefined, depth + 1));
  const before = stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(given as Record<string, unknown>)) {
    if (v === MASK && isSecretName(k)) {
      if (Object.prototype.hasOwnProperty.call(before, k) && before[k] !== null && before[k] !== undefined) out[k] = before[k];
      continue;
    }
    out[k] = restore(v, before[k], depth + 1);
  }
  return out;
}

/** Field extension (type-graphql's @Extensions) of a JSON field whose value leaves through maskSecrets. */
export const masksSecrets = { masksSecrets: true };

/** Every field marked with masksSecrets resolves to its value masked (the JSON reads mask in SQL instead). */
export function installSecretMasks(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.extensions?.masksSecrets) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, context, info) => {
        const value = resolve(root, args, context, info);
        return value instanceof Promise ? value.then((v) => maskSecrets(v)) : maskSecrets(value);
      };
    }
  }
  return schema;
}
