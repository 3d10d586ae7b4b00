import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { unauthenticated } from '../graphql/errors';
import { hashKey } from '../services/key-format';

export type UserRole = 'proxy_admin' | 'proxy_admin_viewer' | 'internal_user' | 'internal_user_viewer';
export type TeamRole = 'admin' | 'user';

export interface Principal {
  role: UserRole;
  isMasterKey: boolean;
  userId: string | null;
  /** hash of the calling virtual key (null for the master key) */
  keyToken: string | null;
  /** the key's own team, for team service-account keys */
  keyTeamId: string | null;
  teamRoles: Map<string, TeamRole>;
  orgRoles: Map<string, string>;
}

const ROLES: UserRole[] = ['proxy_admin', 'proxy_admin_viewer', 'internal_user', 'internal_user_viewer'];

export function masterPrincipal(): Principal {
  return { role: 'proxy_admin', isMasterKey: true, userId: null, keyToken: null, keyTeamId: null, teamRoles: new Map(), orgRoles: new Map() };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  return m ? m[1].trim() : header.trim();
}

interface KeyRow {
  token: string;
  user_id: string | null;
  team_id: string | null;
  blocked: boolean | null;
  expires: Date | null;
  user_role: string | null;
  teams: { team_id: string; members: unknown }[];
  orgs: { organization_id: string; role: string | null }[];
}

/**
 * The caller of a request: the master key is a proxy admin; a virtual key is found by its SHA-256 hash
 * (or, during a rotation grace period, by its deprecated hash) and takes its owner's role.
 */
export async function resolvePrincipal(ds: DataSource, rawKey: string | null, masterKey: string | undefined, now = new Date()): Promise<Principal | null> {
  if (!rawKey) return null;
  if (masterKey && sameSecret(rawKey, masterKey)) return masterPrincipal();
  if (!rawKey.startsWith('sk-')) throw unauthenticated("Malformed API key: LiteLLM keys start with 'sk-'");
  const token = hashKey(rawKey);
  const rows: KeyRow[] = await ds.query(
    `WITH hit AS (
       SELECT token FROM "LiteLLM_VerificationToken" WHERE token = $1
       UNION ALL
       SELECT active_token_id FROM "LiteLLM_DeprecatedVerificationToken" WHERE token = $1 AND revoke_at > $2
     )
     SELECT k.token, k.user_id, k.team_id, k.blocked, k.expires, u.user_role,
            coalesce((SELECT json_agg(json_build_object('team_id', t.team_id, 'members', t.members_with_roles))
                        FROM "LiteLLM_TeamTable" t WHERE t.team_id = ANY(u.teams || k.team_id)), '[]') AS teams,
            coalesce((SELECT json_agg(json_build_object('organization_id', m.organization_id, 'role', m.user_role))
                        FROM "LiteLLM_OrganizationMembership" m WHERE m.user_id = k.user_id), '[]') AS orgs
       FROM "LiteLLM_VerificationToken" k LEFT JOIN "LiteLLM_UserTable" u ON u.user_id = k.user_id
      WHERE k.token = (SELECT token FROM hit LIMIT 1)`,
    [token, now],
  );
  const row = rows[0];
  if (!row) throw unauthenticated('Invalid API key: no virtual key matches it');
  if (row.blocked) throw unauthenticated('This virtual key is blocked');
  if (row.expires && row.expires.getTime() <= now.getTime()) throw unauthenticated(`This virtual key expired at ${row.expires.toISOString()}`);
  const teamRoles = new Map<string, TeamRole>();
  for (const t of row.teams) {
    const members = Array.isArray(t.members) ? (t.members as { user_id?: string; role?: string }[]) : [];
    const me = row.user_id ? members.find((m) => m.user_id === row.user_id) : undefined;
    if (me) teamRoles.set(t.team_id, me.role === 'admin' ? 'admin' : 'user');
  }
  const orgRoles = new Map(row.orgs.map((o) => [o.organization_id, o.role ?? 'internal_user']));
  // LiteLLM treats a key without a known owner role as an internal user.
  const role = ROLES.includes(row.user_role as UserRole) ? (row.user_role as UserRole) : 'internal_user';
  return { role, isMasterKey: false, userId: row.user_id, keyToken: row.token, keyTeamId: row.team_id, teamRoles, orgRoles };
}
