import { createHash, randomBytes } from 'node:crypto';

// Random bytes drawn from the system's CSPRNG a page at a time (one call per 256 keys, as Node's own
// randomUUID caches); each byte is handed out once.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

function secretBytes(n: number): Buffer {
  if (n > POOL_BYTES) return randomBytes(n);
  if (offset + n > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  pool.fill(0, offset, offset + n);
  offset += n;
  return out;
}

// LiteLLM: "sk-" + secrets.token_urlsafe(16) → 22 URL-safe base64 characters, no padding.
export function generateRawKey(bytes = 16): string {
  return `sk-${secretBytes(bytes).toString('base64url')}`;
}

// LiteLLM stores the lowercase hex SHA-256 of the whole key string, "sk-" included, unsalted.
export function hashKey(rawKey: string): string {
  return createHash('sha256').update(rawKey, 'utf8').digest('hex');
}

// LiteLLM: key_name is "sk-..." followed by the key's last four characters.
export function keyName(rawKey: string): string {
  return `sk-...${rawKey.slice(-4)}`;
}

// LiteLLM's management endpoints take either the raw key (starts with "sk-") or its stored hash.
export function tokenFromInput(input: string): string {
  return input.startsWith('sk-') ? hashKey(input) : input;
}
