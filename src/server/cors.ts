import { IncomingMessage, ServerResponse } from 'node:http';

/** Request headers a browser may send cross-origin: the key travels in a header, never in a cookie. */
export const CORS_ALLOWED_HEADERS = 'authorization, content-type, x-litellm-api-key, x-request-id, apollo-require-preflight, x-apollo-operation-name';
/** Response headers a browser script may read. */
export const CORS_EXPOSED_HEADERS = 'x-request-id, x-sql-statements';

/**
 * CORS as LiteLLM's proxy does it: every origin by default, or only the listed ones; never credentials
 * (no cookie is ever used). Sets the headers of an allowed origin, and answers a preflight itself
 * (true: the request is answered).
 */
export function cors(origins: readonly string[]): (req: IncomingMessage, res: ServerResponse) => boolean {
  const any = origins.includes('*');
  const allowed = new Set(origins);
  return (req, res) => {
    const origin = req.headers.origin;
    if (!any) res.setHeader('vary', 'Origin');
    const ok = origin !== undefined && (any || allowed.has(origin));
    if (ok) {
      res.setHeader('access-control-allow-origin', any ? '*' : origin);
      res.setHeader('access-control-expose-headers', CORS_EXPOSED_HEADERS);
    }
    if (req.method !== 'OPTIONS' || origin === undefined || req.headers['access-control-request-method'] === undefined) return false;
    if (ok) {
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('access-control-allow-headers', CORS_ALLOWED_HEADERS);
      res.setHeader('access-control-max-age', '600');
    }
    // a refused origin gets no CORS headers: the browser then stops the request
    res.writeHead(204);
    res.end();
    return true;
  };
}
