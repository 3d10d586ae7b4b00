import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { unauthenticated } from '../graphql/errors';
import { PROXY_ADMIN_NAME } from '../services/audit';
import { hashKey } from '../services/key-format';
import { memberOf } from '../services/members';

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
  /** set for a delegated team key (see isDelegated): it acts only within this team */
  boundTeamId: string | null;
  /** the maker (created_by) of a delegated calling key */
  delegatedBy: string | null;
  /** LiteLLM's allowed_routes of the calling key (empty: no restriction) */
  allowedRoutes: string[];
  teamRoles: Map<string, TeamRole>;
  orgRoles: Map<string, string>;
}

const ROLES: UserRole[] = ['proxy_admin', 'proxy_admin_viewer', 'internal_user', 'internal_user_viewer'];

/** LiteLLM records sha256 of the master key as the acting key of the master key's changes. */
export function masterPrincipal(masterKey: string): Principal {
  return { role: 'proxy_admin', isMasterKey: true, userId: null, keyToken: hashKey(masterKey), keyTeamId: null, boundTeamId: null, delegatedBy: null, allowedRoutes: [], teamRoles: new Map(), orgRoles: new Map() };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The key as LiteLLM reads it: `x-litellm-api-key: <key>` first, else `Authorization: Bearer <key>`;
 * an Authorization header without the Bearer scheme is refused, as LiteLLM refuses it.
 */
export function apiKeyFrom(headers: { authorization?: string; litellmKey?: string }): string | null {
  const custom = headers.litellmKey?.trim();
  if (custom) return custom;
  const auth = headers.authorization?.trim();
  if (!auth) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(auth);
  if (!m) throw unauthenticated('Malformed API key: send Authorization: Bearer <key> (or x-litellm-api-key: <key>)');
  return m[1];
}

/**
 * A key that someone other than a proxy admin made for another user (created_by is neither its owner, nor the
 * master key's name, nor a proxy admin). Such a team key acts only within its team, as an internal user at
 * most: no other team, no organization role, none of its owner's keys outside the team. So a key a team admin
 * mints for a teammate never carries more than the team gives the caller.
 */
export function isDelegated(key: { createdBy: string | null; userId: string | null }, creatorRole: string | null): boolean {
  return !!key.createdBy && key.createdBy !== key.userId && key.createdBy !== PROXY_ADMIN_NAME && creatorRole !== 'proxy_admin';
}

interface KeyRow {
  token: string;
  user_id: string | null;
  team_id: string | null;
  blocked: boolean | null;
  expires: Date | null;
  allowed_routes: string[] | null;
  team_blocked: boolean | null;
  created_by: string | null;
  creator_role: string | null;
  user_role: string | null;
  teams: { team_id: string; members: unknown }[];
  orgs: { organization_id: string; role: string | null }[];
}

/**
 * The caller of a request: the master key is a proxy admin; a virtual key is found by its SHA-256 hash
 * (or, during a rotation grace period, by its deprecated hash) and takes its owner's role.
 */
/**
 * Resolved virtual-key principals for a short time, as LiteLLM caches them (user_api_key_cache_ttl, 60 s by
 * default). Every mutation this gateway runs clears it, so its own key and team changes apply at once; other
 * gateways clear theirs when the change's NOTIFY reaches them (principal-sync.ts); changes made elsewhere
 * (LiteLLM, SQL) apply within the TTL, as they do on LiteLLM's replicas.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; until: number; expires: Date | null }>();
  /** bumped by clear(): a principal read before a clear is not stored after it */
  generation = 0;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 10000,
  ) {}

  get(token: string, now: Date): Principal | undefined {
    const hit = this.entries.get(token);
    if (!hit) return undefined;
    if (hit.until <= now.getTime()) {
      this.entries.delete(token);
      return undefined;
    }
    if (hit.expires && hit.expires.getTime() <= now.getTime()) throw unauthenticated(`This virtual key expired at ${hit.expires.toISOString()}`);
    return hit.principal;
  }

  set(token: string, principal: Principal, expires: Date | null, now: Date, readAt: number): void {
    if (this.ttlMs <= 0 || readAt !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { principal, until: now.getTime() + this.ttlMs, expires });
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  forget(token: string): void {
    this.generation++;
    this.entries.delete(token);
  }
}

export async function resolvePrincipal(
  ds: DataSource,
  rawKey: string | null,
  masterKey: string | undefined,
  now = new Date(),
  cache?: PrincipalCache,
): Promise<Principal | null> {
  if (!rawKey) return null;
  if (masterKey && sameSecret(rawKey, masterKey)) return masterPrincipal(masterKey);
  if (!rawKey.startsWith('sk-')) throw unauthenticated("Malformed API key: LiteLLM keys start with 'sk-'");
  const token = hashKey(rawKey);
  const cached = cache?.get(token, now);
  if (cached) return cached;
  const readAt = cache?.generation ?? 0;
  const rows: KeyRow[] = await ds.query(
    `WITH hit AS (
       SELECT token FROM "LiteLLM_VerificationToken" WHERE token = $1
       UNION ALL
       SELECT active_token_id FROM "LiteLLM_DeprecatedVerificationToken" WHERE token = $1 AND revoke_at > $2
     )
     SELECT k.token, k.user_id, k.team_id, k.blocked, k.expires, k.allowed_routes, kt.blocked AS team_blocked, k.created_by, cu.user_role AS creator_role, u.user_role,
            coalesce((SELECT json_agg(json_build_object('team_id', t.team_id, 'members', t.members_with_roles))
                        FROM "LiteLLM_TeamTable" t WHERE t.team_id = ANY(u.teams || k.team_id)), '[]') AS teams,
            coalesce((SELECT json_agg(json_build_object('organization_id', m.organization_id, 'role', m.user_role))
                        FROM "LiteLLM_OrganizationMembership" m WHERE m.user_id = k.user_id), '[]') AS orgs
       FROM "LiteLLM_VerificationToken" k LEFT JOIN "LiteLLM_UserTable" u ON u.user_id = k.user_id
            LEFT JOIN "LiteLLM_TeamTable" kt ON kt.team_id = k.team_id
            LEFT JOIN "LiteLLM_UserTable" cu ON cu.user_id = k.created_by
      WHERE k.token = (SELECT token FROM hit LIMIT 1)`,
    [token, now],
  );
  const row = rows[0];
  if (!row) throw unauthenticated('Invalid API key: no virtual key matches it');
  if (row.blocked) throw unauthenticated('This virtual key is blocked');
  if (row.expires && row.expires.getTime() <= now.getTime()) throw unauthenticated(`This virtual key expired at ${row.expires.toISOString()}`);
  // LiteLLM's common checks refuse every key of a blocked team.
  if (row.team_blocked) throw unauthenticated(`Team=${row.team_id} is blocked. Update via unblockTeam if you're an admin.`);
  // LiteLLM treats a key without a known owner role as an internal user.
  const ownerRole = ROLES.includes(row.user_role as UserRole) ? (row.user_role as UserRole) : 'internal_user';
  const boundTeamId = row.team_id && isDelegated({ createdBy: row.created_by, userId: row.user_id }, row.creator_role) ? row.team_id : null;
  const role: UserRole = boundTeamId && ownerRole !== 'internal_user_viewer' ? 'internal_user' : ownerRole;
  const teamRoles = new Map<string, TeamRole>();
  for (const t of row.teams) {
    if (boundTeamId && t.team_id !== boundTeamId) continue;
    const me = memberOf({ id: t.team_id, membersWithRoles: t.members }, row.user_id);
    if (me) teamRoles.set(t.team_id, me.role);
  }
  const orgRoles = new Map(boundTeamId ? [] : row.orgs.map((o) => [o.organization_id, o.role ?? 'internal_user']));
  const principal: Principal = {
    role,
    isMasterKey: false,
    userId: row.user_id,
    keyToken: row.token,
    keyTeamId: row.team_id,
    boundTeamId,
    delegatedBy: boundTeamId ? row.created_by : null,
    allowedRoutes: row.allowed_routes ?? [],
    teamRoles,
    orgRoles,
  };
  // a rotated key's grace period ends at its own time: only the current key is cached
  if (row.token === token) cache?.set(token, principal, row.expires, now, readAt);
  return principal;
}
