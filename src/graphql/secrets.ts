/**
 * What of LiteLLM's stored configuration may leave the server. litellm_params is read through an allow-list:
 * a parameter not named here is never returned, whatever its name, type or nesting.
 */

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
export function publicLitellmParams(params: unknown): Record<string, unknown> | null {
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
    const kind = Object.prototype.hasOwnProperty.call(PUBLIC_PARAMS, name) ? PUBLIC_PARAMS[name] : COST_PARAM.test(name) ? 'number' : undefined;
    if (!kind) continue;
    const shown = publicValue(kind, value);
    if (shown !== undefined) out[name] = shown;
  }
  return out;
}

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

/** The allow-listed parameters of a stored params object (a guardrail's or a prompt's); everything else stays inside. */
function publicParamsOf(allowed: Record<string, Kind>, params: unknown): Record<string, unknown> | null {
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
    if (!Object.prototype.hasOwnProperty.call(allowed, name)) continue;
    const shown = publicValue(allowed[name], value);
    if (shown !== undefined) out[name] = shown;
  }
  return out;
}

export const publicGuardrailParams = (params: unknown) => publicParamsOf(GUARDRAIL_PARAMS, params);
export const publicPromptParams = (params: unknown) => publicParamsOf(PROMPT_PARAMS, params);

// Audit rows copy whole rows: the deny-list's never-read columns (password, credential_values, MCP credentials
// and env, SSO settings, …) leave them by name, wherever they are nested.
const SECRET_COLUMNS = new Set([...NEVER_READ_COLUMNS].map((c) => c.slice(c.indexOf('.') + 1)));

/**
 * An audit row's before/updated value with secrets taken out: LiteLLM dumps whole rows there, so a model's
 * audit entry carries its litellm_params and a user's its password hash. The value may be a JSON string.
 */
export function publicAuditValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string' && depth === 0 && /^\s*[{[]/.test(value)) {
    try {
      return JSON.stringify(publicAuditValue(JSON.parse(value), depth + 1));
    } catch {
      return value;
    }
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth > 20) return null;
  if (Array.isArray(value)) return value.map((v) => publicAuditValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (SECRET_COLUMNS.has(k)) continue;
    out[k] = k === 'litellm_params' ? publicLitellmParams(v) : publicAuditValue(v, depth + 1);
  }
  return out;
}
