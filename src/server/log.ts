import pino from 'pino';

type Level = 'debug' | 'info' | 'warn' | 'error';

// Anything shaped like a LiteLLM key, and values of secret-looking fields, never reach a log line.
const KEY_PATTERN = /sk-[A-Za-z0-9_-]{4,}/g;
const SECRET_FIELD = /(key|password|secret|authorization|token)/i;

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(KEY_PATTERN, 'sk-****');
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return { name: value.name, message: redact(value.message), stack: redact(value.stack) };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) && typeof v === 'string' ? '****' : redact(v, depth + 1)]),
  );
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/**
 * JSON lines through pino: level as a word, ISO time, msg; keys and secret-looking fields redacted first.
 * `write` receives each line (tests capture them); by default they go to stdout synchronously, so a line
 * logged just before the process exits is not lost.
 */
export function createLogger(level: Level = 'info', write?: (line: string) => void): Logger {
  const p = pino(
    {
      level,
      base: undefined,
      messageKey: 'msg',
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => redact(fields) as Record<string, unknown>,
      },
    },
    write ? { write } : pino.destination({ dest: 1, sync: true }),
  );
  const emit = (lvl: Level) => (msg: string, fields?: Record<string, unknown>) => p[lvl](fields ?? {}, redact(msg) as string);
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
