/**
 * A failure to reach the database, said in one line: what is wrong and what to do. null for anything
 * that is not a connection problem (the caller shows it as it is).
 */
export function explainConnectionError(err: unknown, url: string, connectTimeoutMs: number): string | null {
  const e = err as { code?: string; message?: string } | null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname || 'localhost';
  const where = `${host}:${u.port || 5432}`;
  const user = decodeURIComponent(u.username) || process.env.PGUSER || 'the default user';
  const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || user;
  const embedded = 'or leave DATABASE_URL unset to run the embedded PostgreSQL';
  switch (e?.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot find the database host ${host} (DATABASE_URL): check the host name, ${embedded}`;
    case 'ECONNREFUSED':
      return `nothing accepts connections on ${where} (DATABASE_URL): start PostgreSQL there or fix the host and port, ${embedded}`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `cannot reach ${where} (DATABASE_URL): check the host and the network`;
    case '28P01':
      return `PostgreSQL on ${where} refused the password of user ${user}: fix the password in DATABASE_URL`;
    case '28000':
      return `PostgreSQL on ${where} does not let user ${user} in (${e.message}): check the user in DATABASE_URL and the server's pg_hba.conf`;
    case '3D000':
      return `database ${database} does not exist on ${where}: create it (createdb -h ${host} -p ${u.port || 5432} ${database}), or point DATABASE_URL at an existing LiteLLM database`;
    case '57P03':
      return `PostgreSQL on ${where} is starting up or shutting down: try again in a moment`;
  }
  if (/timeout|timed out/i.test(e?.message ?? ''))
    return `no answer from PostgreSQL on ${where} within ${connectTimeoutMs} ms (DB_CONNECT_TIMEOUT_MS): check the host, port and firewall`;
  return null;
}

/** A failure to listen on the HTTP port, in one line; null for anything else. */
export function explainListenError(err: unknown, host: string, port: number): string | null {
  switch ((err as { code?: string } | null)?.code) {
    case 'EADDRINUSE':
      return `port ${port} is already in use on ${host}: stop what uses it, or set PORT to another port`;
    case 'EACCES':
      return `not allowed to listen on port ${port}: ports below 1024 need privileges; set PORT to 1024 or above`;
    case 'EADDRNOTAVAIL':
      return `${host} is not an address of this machine: set HOST to one of its addresses, or 0.0.0.0`;
  }
  return null;
}
