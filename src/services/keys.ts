import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { Budget, Organization, Team, User, VirtualKey } from '../../entities';
import { OwnerFacts, Policy } from '../auth/policy';
import { isDelegated, Principal } from '../auth/principal';
import { insertReturning } from '../db/rows';
import { memberOf } from './members';
import { Params } from '../db/sql';
import { Config } from '../config';
import { isTableAvailable } from '../db/availability';
import { badInput, conflict, forbidden, notFound } from '../graphql/errors';
import { actorOf, audit, columnJson, snakeJson } from './audit';
import { addDuration, nextReset, parseDuration } from './durations';
import { generateRawKey, hashKey, keyName, tokenFromInput } from './key-format';
import * as v from './validate';
import { restoreMasked } from '../graphql/secrets';

const TABLE = 'LiteLLM_VerificationToken';

export interface GenerateKeyArgs {
  key?: string | null;
  keyAlias?: string | null;
  duration?: string | null;
  models?: string[] | null;
  maxBudget?: number | null;
  softBudget?: number | null;
  budgetDuration?: string | null;
  budgetId?: string | null;
  tpmLimit?: number | null;
  rpmLimit?: number | null;
  maxParallelRequests?: number | null;
  userId?: string | null;
  teamId?: string | null;
  organizationId?: string | null;
  metadata?: Record<string, unknown> | null;
  permissions?: Record<string, unknown> | null;
  modelMaxBudget?: Record<string, unknown> | null;
  blocked?: boolean | null;
  allowedRoutes?: string[] | null;
  tags?: string[] | null;
  guardrails?: string[] | null;
  modelRpmLimit?: Record<string, unknown> | null;
  modelTpmLimit?: Record<string, unknown> | null;
}

export type UpdateKeyArgs = Omit<GenerateKeyArgs, 'key' | 'softBudget' | 'organizationId' | 'tags' | 'guardrails' | 'modelRpmLimit' | 'modelTpmLimit'>;

/** Shows enough of a raw key to recognise it, never the whole (LiteLLM's error wording). */
export function maskRawKey(raw: string): string {
  return raw.length > 8 ? `${raw.slice(0, 4)}****${raw.slice(-4)}` : '****';
}

// LiteLLM asks only for the prefix of a key the caller chooses
function checkRawKey(field: string, raw: string): void {
  if (!raw.startsWith('sk-')) throw badInput(field, `Invalid key format. LiteLLM Virtual Key must start with 'sk-'. Received: ${maskRawKey(raw)}`);
}

const SNAKE: Record<string, string> = { maxBudget: 'max_budget', maxParallelRequests: 'max_parallel_requests', tpmLimit: 'tpm_limit', rpmLimit: 'rpm_limit', budgetDuration: 'budget_duration', duration: 'duration' };

/** A duration's length from now, in ms (months are calendar months from now, as LiteLLM counts them). */
function lengthFromNow(text: string, now: Date): number {
  const d = parseDuration(text);
  return d ? addDuration(now, d).getTime() - now.getTime() : 0;
}

/**
 * LiteLLM's litellm_settings.default_key_generate_params, then upperbound_key_generate_params, on a
 * generateKey input: defaults fill what is not given (models when none, metadata when empty); bounds fill
 * what is still not given and refuse more than they allow, with LiteLLM's message.
 */
function withKeyGenerateParams(input: GenerateKeyArgs, config: Config, now: Date): GenerateKeyArgs {
  const a: GenerateKeyArgs = { ...input };
  const defaults = config.keyGenerateDefaults;
  if (defaults) {
    for (const f of ['maxBudget', 'maxParallelRequests', 'tpmLimit', 'rpmLimit'] as const) if (a[f] == null && defaults[f] !== undefined) a[f] = defaults[f];
    if (a.budgetDuration == null && defaults.budgetDuration !== undefined) a.budgetDuration = defaults.budgetDuration;
    if (a.duration == null && defaults.duration !== undefined) a.duration = defaults.duration;
    if ((a.models == null || a.models.length === 0) && defaults.models) a.models = defaults.models;
    if ((a.metadata == null || Object.keys(a.metadata).length === 0) && defaults.metadata) a.metadata = defaults.metadata;
  }
  const bounds = config.keyGenerateUpperBounds;
  if (bounds) {
    const over = (f: string, value: unknown, max: unknown) => badInput(f, `${SNAKE[f]} is over max limit set in config - user_value=${value}; max_value=${max}`);
    for (const f of ['maxBudget', 'maxParallelRequests', 'tpmLimit', 'rpmLimit'] as const) {
      const max = bounds[f];
      if (max === undefined) continue;
      if (a[f] == null) a[f] = max;
      else if (a[f]! > max) throw over(f, a[f], max);
    }
    for (const f of ['budgetDuration', 'duration'] as const) {
      const max = bounds[f];
      if (max === undefined) continue;
      if (a[f] == null) a[f] = max;
      else {
        v.duration(f, a[f]);
        if (lengthFromNow(a[f]!, now) > lengthFromNow(max, now)) throw over(f, a[f], max);
      }
    }
  }
  return a;
}

/** Longest alias, in UTF-8 bytes, a key may be given: the tombstone table's btree index on key_alias holds no longer one. */
export const MAX_ALIAS_BYTES = 1024;

/**
 * A text column copied into an indexed tombstone column: a value stored by LiteLLM too long for a btree index
 * entry is cut to 500 characters, so the row can still be deleted (and keeps most of its name).
 */
export const fitsIndex = (column: string) => `CASE WHEN octet_length("${column}") > 2000 THEN left("${column}", 500) ELSE "${column}" END`;

/** LiteLLM copies a key row to LiteLLM_DeletedVerificationToken before it deletes or rotates it. */
export async function tombstoneKeys(em: EntityManager, caller: Principal, tokens: string[]): Promise<void> {
  const keyCols = new Set(em.connection.getMetadata(VirtualKey).columns.map((c) => c.databaseName));
  const shared = em.connection
    .getMetadata('LiteLLM_DeletedVerificationToken')
    .columns.map((c) => c.databaseName)
    .filter((c) => keyCols.has(c));
  const cols = shared.map((c) => `"${c}"`).join(', ');
  const values = shared.map((c) => (c === 'key_alias' ? fitsIndex(c) : `"${c}"`)).join(', ');
  await em.query(
    `INSERT INTO "LiteLLM_DeletedVerificationToken" (id, ${cols}, deleted_at, deleted_by, deleted_by_api_key)
     SELECT gen_random_uuid()::text, ${values}, now(), $2, $3 FROM "${TABLE}" WHERE token = ANY($1::text[])`,
    [tokens, actorOf(caller), caller.keyToken],
  );
}

/**
 * Keys deleted as LiteLLM deletes them: copied to the tombstones, then their rotation grace rows and the rows
 * themselves. A key a JWT claim mapping points at is refused: LiteLLM's schema restricts that foreign key.
 */
export async function deleteKeysWithin(em: EntityManager, caller: Principal, tokens: string[]): Promise<void> {
  if (!tokens.length) return;
  if (isTableAvailable(em.connection, 'LiteLLM_JWTKeyMapping')) {
    const mapped: { token: string }[] = await em.query(`SELECT token FROM "LiteLLM_JWTKeyMapping" WHERE token = ANY($1::text[]) LIMIT 1`, [tokens]);
    if (mapped.length) throw conflict(`Key ${mapped[0].token} is used by a JWT claim mapping (LiteLLM_JWTKeyMapping); remove the mapping first`);
  }
  await tombstoneKeys(em, caller, tokens);
  await em.query(`DELETE FROM "LiteLLM_DeprecatedVerificationToken" WHERE active_token_id = ANY($1::text[])`, [tokens]);
  await em.query(`DELETE FROM "LiteLLM_VerificationToken" WHERE token = ANY($1::text[])`, [tokens]);
}

/** Input checks that need no database: everything here fails before a transaction opens. */
function validateFields(a: GenerateKeyArgs | UpdateKeyArgs, config: Config): void {
  // LiteLLM checks the alias format only when litellm_settings.enable_key_alias_format_validation is on
  if (config.keyAliasFormatValidation) v.keyAlias('keyAlias', a.keyAlias);
  if (a.keyAlias != null && Buffer.byteLength(a.keyAlias) > MAX_ALIAS_BYTES) throw badInput('keyAlias', `must be at most ${MAX_ALIAS_BYTES} bytes: a longer alias could not be kept when the key is deleted`);
  v.money('maxBudget', a.maxBudget);
  if ('softBudget' in a) v.money('softBudget', a.softBudget);
  v.count('tpmLimit', a.tpmLimit);
  v.count('rpmLimit', a.rpmLimit);
  v.count('maxParallelRequests', a.maxParallelRequests, 2147483647);
  v.jsonObject('metadata', a.metadata);
  v.jsonObject('permissions', a.permissions);
  v.jsonObject('modelMaxBudget', a.modelMaxBudget);
  v.names('models', a.models);
  v.names('allowedRoutes', a.allowedRoutes);
  v.budgetDuration('budgetDuration', a.budgetDuration);
  v.userId('userId', a.userId);
}

/** LiteLLM's team rules for a key: models the team allows, limits within the team's, owner a member. */
function checkAgainstTeam(team: Team, a: { models?: string[] | null; maxBudget?: number | null; tpmLimit?: number | null; rpmLimit?: number | null; maxParallelRequests?: number | null }, userId: string | null | undefined): void {
  const teamModels = team.models ?? [];
  if (a.models?.length && teamModels.length && !teamModels.includes('all-proxy-models')) {
    const refused = a.models.filter((m) => m !== 'all-team-models' && !teamModels.includes(m));
    if (refused.length) throw badInput('models', `team ${team.alias ?? team.id} does not allow ${refused.join(', ')} (allowed: ${teamModels.join(', ')})`);
  }
  v.atMost('maxBudget', a.maxBudget, team.maxBudget, "team's max budget");
  v.atMost('tpmLimit', a.tpmLimit, team.tpmLimit, "team's tpm limit");
  v.atMost('rpmLimit', a.rpmLimit, team.rpmLimit, "team's rpm limit");
  v.atMost('maxParallelRequests', a.maxParallelRequests, team.maxParallelRequests, "team's parallel request limit");
  if (userId) {
    if (!memberOf(team, userId)) throw badInput('userId', `user ${userId} is not a member of team ${team.alias ?? team.id}`);
  }
}

function metadataWithMovedFields(a: GenerateKeyArgs): Record<string, unknown> {
  // LiteLLM moves these request fields into the key's metadata.
  const moved: Record<string, unknown> = {};
  if (a.tags) moved.tags = a.tags;
  if (a.guardrails) moved.guardrails = a.guardrails;
  if (a.modelRpmLimit) moved.model_rpm_limit = a.modelRpmLimit;
  if (a.modelTpmLimit) moved.model_tpm_limit = a.modelTpmLimit;
  return { ...(a.metadata ?? {}), ...moved };
}


export class KeyService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Config,
    private readonly policy: Policy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private resetAt(budgetDuration: string | null | undefined, now: Date): Date | null {
    return nextReset(budgetDuration, now, { timezone: this.config.timezone, resetTime: this.config.budgetResetTime });
  }

  private async lockAlias(em: EntityManager, alias: string, exceptToken?: string): Promise<void> {
    // LiteLLM only checks aliases in code and races; a transaction-scoped advisory lock per alias does not.
    await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`litellm_key_alias:${alias}`]);
    const taken = await em.query(`SELECT 1 FROM "${TABLE}" WHERE key_alias = $1 AND token IS DISTINCT FROM $2 LIMIT 1`, [alias, exceptToken ?? null]);
    if (taken.length) throw conflict(`Key with alias '${alias}' already exists. Unique key aliases across all keys are required.`, 'keyAlias');
  }

  /** The key, row-locked; a key the caller may not see is NOT_FOUND, exactly like a missing one. */
  private async lockKey(em: EntityManager, tokenInput: string): Promise<{ key: VirtualKey; teamOrganizationId: string | null; team: Team | null }> {
    const token = tokenFromInput(tokenInput);
    const key = await em.findOne(VirtualKey, { where: { token }, lock: { mode: 'pessimistic_write' } });
    const team = key?.teamId ? await em.findOneBy(Team, { id: key.teamId }) : null;
    const teamOrganizationId = team?.organizationId ?? null;
    if (!key || !this.policy.canSeeKey(key, teamOrganizationId)) throw notFound('key', tokenInput.startsWith('sk-') ? maskRawKey(tokenInput) : tokenInput);
    return { key, teamOrganizationId, team };
  }

  /**
   * A team the caller may not see is NOT_FOUND. Its row is held (FOR KEY SHARE) until the key is written, so a
   * team delete running meanwhile cannot miss the new key and leave it on a deleted team.
   */
  private async visibleTeam(em: EntityManager, id: string): Promise<Team> {
    const team = await em.findOne(Team, { where: { id }, lock: { mode: 'for_key_share' } });
    if (!team || !this.policy.canSeeTeam(team)) throw notFound('team', id);
    return team;
  }

  /**
   * The owner a key is made for, as far as their power goes: their role and org-admin seats. A user named
   * by the caller must be one the caller may see (NOT_FOUND otherwise); the owner of an existing key is
   * looked up as it is, and an owner whose row is gone (LiteLLM has no foreign key there) has no power.
   */
  private async owner(em: EntityManager, userId: string, named: boolean): Promise<OwnerFacts> {
    const p = new Params([userId]);
    const rows: { user_role: string | null; admin_orgs: string[] }[] = await em.query(
      `SELECT u.user_role, coalesce((SELECT array_agg(m.organization_id) FROM "LiteLLM_OrganizationMembership" m WHERE m.user_id = u.user_id AND m.user_role = 'org_admin'), '{}') AS admin_orgs
         FROM "LiteLLM_UserTable" u WHERE u.user_id = $1 AND ${named ? this.policy.userScope('u', p) : 'TRUE'}`,
      p.values,
    );
    // LiteLLM's /key/generate makes a key for a user_id without a user row and creates none; only a proxy admin may name one
    if (!rows[0] && named && !this.policy.isAdmin) throw notFound('user', userId);
    return { userId, role: rows[0]?.user_role ?? null, adminOrgs: rows[0]?.admin_orgs ?? [] };
  }

  private async roleOf(em: EntityManager, userId: string | null): Promise<string | null> {
    if (!userId) return null;
    return (await em.findOne(User, { where: { id: userId }, select: { id: true, role: true } }))?.role ?? null;
  }

  /** Attaching a budget tier needs the right to read it. */
  private async assertBudgetVisible(em: EntityManager, id: string): Promise<void> {
    const p = new Params([id]);
    const rows = await em.query(`SELECT 1 FROM "LiteLLM_BudgetTable" b WHERE b.budget_id = $1 AND ${this.policy.budgetScope('b', p)}`, p.values);
    if (!rows.length) throw notFound('budget', id);
  }

  /** `fields`: the key's properties the caller reads back (every column without a set, and with audit logs on). */
  async generate(input: GenerateKeyArgs, fields?: ReadonlySet<string>): Promise<{ key: string; info: VirtualKey }> {
    this.policy.requireWrite('create keys');
    const a = withKeyGenerateParams(input, this.config, this.now());
    validateFields(a, this.config);
    if (a.key !== undefined && a.key !== null) checkRawKey('key', a.key);
    const expiresIn = v.duration('duration', a.duration);
    if (a.softBudget != null && a.budgetId) throw badInput('softBudget', 'give softBudget or budgetId, not both (softBudget creates its own budget)');
    const caller = this.policy.caller;
    // LiteLLM: a non-admin's key belongs to the caller unless said otherwise
    const userId = a.userId === undefined ? (this.policy.isAdmin ? null : caller.userId) : a.userId;
    const raw = a.key ?? generateRawKey();
    const token = hashKey(raw);
    const now = this.now();

    const write = async (em: EntityManager) => {
      const team = a.teamId ? await this.visibleTeam(em, a.teamId) : null;
      const owner = userId ? await this.owner(em, userId, true) : null;
      const organizationId = a.organizationId ?? team?.organizationId ?? null;
      if (a.organizationId && (!this.policy.canSeeOrganization(a.organizationId) || !(await em.existsBy(Organization, { id: a.organizationId }))))
        throw notFound('organization', a.organizationId);
      if (team && a.organizationId && team.organizationId && team.organizationId !== a.organizationId)
        throw badInput('organizationId', `team ${team.alias ?? team.id} belongs to organization ${team.organizationId}`);
      if (a.budgetId != null) await this.assertBudgetVisible(em, a.budgetId);
      this.policy.assertCanCreateKey({ userId, teamId: team?.id ?? null, teamOrganizationId: team?.organizationId ?? null, organizationId });
      this.policy.assertMayHoldKeyOf(owner);
      this.policy.assertRoutesWithin(a.allowedRoutes);
      this.policy.assertTeamOpen(team);
      if (a.blocked === false && team) this.policy.assertCanSanctionKey({ token, userId, teamId: team.id, organizationId }, team.organizationId, 'unblock');
      if (team) checkAgainstTeam(team, a, userId);
      if (a.keyAlias) await this.lockAlias(em, a.keyAlias);

      let budgetId = a.budgetId ?? null;
      const actor = actorOf(caller);
      // a key a delegated key makes for its own owner is made on the same delegation, so it stays bound
      const createdBy = caller.delegatedBy && userId === caller.userId ? caller.delegatedBy : actor;
      if (a.softBudget != null) {
        budgetId = randomUUID();
        await em.insert(Budget, em.create(Budget, { id: budgetId, softBudget: a.softBudget, modelMaxBudget: a.modelMaxBudget ?? null, createdBy: actor, updatedBy: actor, createdAt: now, updatedAt: now }));
      }
      return this.insertKey(em, caller, raw, now, {
        keyAlias: a.keyAlias ?? null,
        expires: expiresIn ? addDuration(now, expiresIn) : null,
        models: a.models ?? [],
        userId,
        teamId: team?.id ?? null,
        permissions: a.permissions ?? {},
        maxParallelRequests: a.maxParallelRequests ?? null,
        metadata: metadataWithMovedFields(a),
        blocked: a.blocked ?? null,
        tpmLimit: a.tpmLimit ?? null,
        rpmLimit: a.rpmLimit ?? null,
        maxBudget: a.maxBudget ?? null,
        budgetDuration: a.budgetDuration ?? null,
        budgetResetAt: this.resetAt(a.budgetDuration, now),
        modelMaxBudget: a.modelMaxBudget ?? {},
        budgetId,
        organizationId,
        createdBy,
        updatedBy: actor,
        allowedRoutes: a.allowedRoutes ?? [],
      }, fields);
    };
    // a key with no team, owner, organization, budget, alias or audit row is one INSERT: atomic on its own
    const oneStatement = !a.teamId && !userId && !a.organizationId && a.budgetId == null && !a.keyAlias && a.softBudget == null && !this.config.storeAuditLogs;
    const info = oneStatement ? await write(this.ds.manager) : await this.ds.transaction(write);
    return { key: raw, info };
  }

  /**
   * The first key of a user that createUser makes, as LiteLLM's /user/new writes it (generate_key_helper_fn):
   * the user's models, limits and metadata, no budget of its own and no creator; in createUser's transaction.
   */
  async createForNewUser(em: EntityManager, user: User, opts: { keyAlias?: string | null; duration?: string | null }): Promise<{ key: string; info: VirtualKey }> {
    const expiresIn = v.duration('duration', opts.duration);
    if (opts.keyAlias) await this.lockAlias(em, opts.keyAlias);
    const raw = generateRawKey();
    const now = this.now();
    const info = await this.insertKey(em, this.policy.caller, raw, now, {
      keyAlias: opts.keyAlias ?? null,
      expires: expiresIn ? addDuration(now, expiresIn) : null,
      models: user.models ?? [],
      userId: user.id,
      maxParallelRequests: user.maxParallelRequests,
      metadata: user.metadata ?? {},
      tpmLimit: user.tpmLimit,
      rpmLimit: user.rpmLimit,
      allowedCacheControls: user.allowedCacheControls ?? [],
    });
    return { key: raw, info };
  }

  /** A new key row: LiteLLM's defaults, then `values`; CONFLICT when the key exists; its audit row (raw key masked by audit). */
  private async insertKey(em: EntityManager, caller: Principal, raw: string, now: Date, values: Partial<VirtualKey>, fields?: ReadonlySet<string>): Promise<VirtualKey> {
    const token = hashKey(raw);
    const row = await insertReturning(
      em,
      VirtualKey,
      {
        token,
        keyName: this.config.disableKeyName ? null : keyName(raw),
        keyAlias: null,
        spend: 0,
        expires: null,
        models: [],
        aliases: {},
        config: {},
        userId: null,
        teamId: null,
        permissions: {},
        maxParallelRequests: null,
        metadata: {},
        blocked: null,
        tpmLimit: null,
        rpmLimit: null,
        maxBudget: null,
        budgetDuration: null,
        budgetResetAt: null,
        allowedCacheControls: [],
        modelSpend: {},
        modelMaxBudget: {},
        budgetId: null,
        organizationId: null,
        createdAt: now,
        createdBy: null,
        updatedAt: now,
        updatedBy: null,
        allowedRoutes: [],
        rotationCount: 0,
        autoRotate: false,
        ...values,
      },
      this.config.storeAuditLogs ? undefined : fields,
    );
    if (!row) throw conflict('A key with this value already exists', 'key');
    if (this.config.storeAuditLogs) await audit(em, this.config, caller, { action: 'created', table: TABLE, objectId: token, before: null, after: { key: raw, ...columnJson(em, VirtualKey, row) } });
    return row;
  }

  async update(tokenInput: string, a: UpdateKeyArgs): Promise<VirtualKey> {
    this.policy.requireWrite('update keys');
    validateFields(a, this.config);
    const expiresIn = a.duration === undefined || a.duration === null || a.duration === '-1' ? null : v.duration('duration', a.duration);
    const now = this.now();
    const caller = this.policy.caller;
    return this.ds.transaction(async (em) => {
      const { key, teamOrganizationId, team: keyTeam } = await this.lockKey(em, tokenInput);
      const before = columnJson(em, VirtualKey, key);
      this.policy.assertCanUpdateKey(key, teamOrganizationId, now, 'update');
      if (a.blocked !== undefined && a.blocked !== key.blocked) this.policy.assertCanSanctionKey(key, teamOrganizationId, a.blocked ? 'block' : 'unblock');
      if (a.userId !== undefined && a.userId !== key.userId) {
        if (!this.policy.isAdmin) throw forbidden('Only proxy admins may move a key to another user');
        if (a.userId && !(await em.existsBy(User, { id: a.userId }))) throw notFound('user', a.userId);
      }
      if (a.allowedRoutes !== undefined) this.policy.assertRoutesWithin(a.allowedRoutes);
      const userId = a.userId !== undefined ? a.userId : key.userId;
      const teamId = a.teamId !== undefined ? a.teamId : key.teamId;
      // a key whose team no longer exists stays updatable; only a team it moves to must exist
      const team = a.teamId === undefined ? keyTeam : a.teamId ? await this.visibleTeam(em, a.teamId) : null;
      if (a.teamId !== undefined && a.teamId !== key.teamId) {
        this.policy.assertCanCreateKey({ userId, teamId, teamOrganizationId: team?.organizationId ?? null, organizationId: team?.organizationId ?? key.organizationId });
        this.policy.assertMayHoldKeyOf(userId && !this.policy.isAdmin ? await this.owner(em, userId, false) : null);
        this.policy.assertTeamOpen(team);
      }
      if (team)
        checkAgainstTeam(team, {
          models: a.models !== undefined ? a.models : key.models,
          maxBudget: a.maxBudget !== undefined ? a.maxBudget : key.maxBudget,
          tpmLimit: a.tpmLimit !== undefined ? a.tpmLimit : key.tpmLimit,
          rpmLimit: a.rpmLimit !== undefined ? a.rpmLimit : key.rpmLimit,
          maxParallelRequests: a.maxParallelRequests !== undefined ? a.maxParallelRequests : key.maxParallelRequests,
        }, a.teamId !== undefined || a.userId !== undefined ? userId : null);
      if (a.budgetId != null && a.budgetId !== key.budgetId) await this.assertBudgetVisible(em, a.budgetId);
      if (a.keyAlias) await this.lockAlias(em, a.keyAlias, key.token);

      const changes: Partial<VirtualKey> = { updatedAt: now, updatedBy: actorOf(caller) };
      const copy = ['keyAlias', 'models', 'maxBudget', 'budgetId', 'tpmLimit', 'rpmLimit', 'maxParallelRequests', 'userId', 'teamId', 'metadata', 'permissions', 'modelMaxBudget', 'blocked', 'allowedRoutes'] as const;
      for (const f of copy) if (a[f] !== undefined) (changes as Record<string, unknown>)[f] = a[f];
      // metadata read masked and sent back keeps the stored secrets (src/graphql/secrets.ts)
      if (changes.metadata) changes.metadata = restoreMasked(changes.metadata, key.metadata);
      if (changes.permissions) changes.permissions = restoreMasked(changes.permissions, key.permissions);
      if (a.teamId !== undefined) changes.organizationId = team?.organizationId ?? (a.teamId === null ? key.organizationId : null);
      if (a.duration !== undefined) changes.expires = expiresIn ? addDuration(now, expiresIn) : null;
      // LiteLLM ignores a null budget_duration on update: it cannot be cleared this way
      if (a.budgetDuration) {
        changes.budgetDuration = a.budgetDuration;
        changes.budgetResetAt = this.resetAt(a.budgetDuration, now);
      }
      await em.update(VirtualKey, { token: key.token }, changes);
      const row = await em.findOneByOrFail(VirtualKey, { token: key.token });
      await audit(em, this.config, caller, { action: 'updated', table: TABLE, objectId: key.token, before, after: snakeJson(a) });
      return row;
    });
  }

  private tombstone(em: EntityManager, tokens: string[]): Promise<void> {
    return tombstoneKeys(em, this.policy.caller, tokens);
  }

  async delete(tokenInputs: string[] | null | undefined, aliases: string[] | null | undefined): Promise<string[]> {
    this.policy.requireWrite('delete keys');
    const tokens = (tokenInputs ?? []).map(tokenFromInput);
    const wanted = aliases ?? [];
    if (!tokens.length && !wanted.length) throw badInput('tokens', 'give at least one key (raw or hash) in tokens or one alias in aliases');
    if (tokens.length + wanted.length > 1000) throw badInput('tokens', 'at most 1000 keys per call');
    const caller = this.policy.caller;
    return this.ds.transaction(async (em) => {
      const found = await em.find(VirtualKey, { where: [...(tokens.length ? [{ token: In(tokens) }] : []), ...(wanted.length ? [{ keyAlias: In(wanted) }] : [])], lock: { mode: 'pessimistic_write' } });
      const teamIds = [...new Set(found.map((r) => r.teamId).filter((t): t is string => !!t))];
      const teams = teamIds.length ? await em.findBy(Team, { id: In(teamIds) }) : [];
      const orgOf = (r: VirtualKey) => teams.find((t) => t.id === r.teamId)?.organizationId ?? null;
      const rows = found.filter((r) => this.policy.canSeeKey(r, orgOf(r)));
      const missing = [
        ...(tokenInputs ?? []).filter((t) => !rows.some((r) => r.token === tokenFromInput(t))).map((t) => (t.startsWith('sk-') ? maskRawKey(t) : t)),
        ...wanted.filter((al) => !rows.some((r) => r.keyAlias === al)),
      ];
      if (!rows.length) throw notFound('keys', missing.join(', '));
      if (missing.length) throw notFound('keys', missing.join(', '));
      for (const r of rows) this.policy.assertCanManageKey(r, orgOf(r), 'delete');
      const hashes = rows.map((r) => r.token);
      await deleteKeysWithin(em, caller, hashes);
      for (const r of rows) await audit(em, this.config, caller, { action: 'deleted', table: TABLE, objectId: r.token, before: columnJson(em, VirtualKey, r), after: {} });
      return hashes;
    });
  }

  async regenerate(tokenInput: string, input: { newKey?: string | null; gracePeriod?: string | null }): Promise<{ key: string; info: VirtualKey }> {
    this.policy.requireWrite('regenerate keys');
    if (input.newKey != null) checkRawKey('newKey', input.newKey);
    const grace = v.duration('gracePeriod', input.gracePeriod);
    const raw = input.newKey ?? generateRawKey();
    const token = hashKey(raw);
    const now = this.now();
    const caller = this.policy.caller;
    const info = await this.ds.transaction(async (em) => {
      const { key, teamOrganizationId, team } = await this.lockKey(em, tokenInput);
      this.policy.assertCanUpdateKey(key, teamOrganizationId, now, 'regenerate');
      this.policy.assertRoutesWithin(key.allowedRoutes);
      if (!this.policy.isAdmin) {
        this.policy.assertMayHoldKeyOf(key.userId ? await this.owner(em, key.userId, false) : null);
        this.policy.assertMayRotate(key, isDelegated(key, await this.roleOf(em, key.createdBy)));
      }
      this.policy.assertTeamOpen(team);
      if (await em.existsBy(VirtualKey, { token })) throw conflict('A key with this value already exists', 'newKey');
      // LiteLLM copies the old row to the tombstone table, then rotates the same row in place
      await this.tombstone(em, [key.token]);
      await em.update(VirtualKey, { token: key.token }, {
        token,
        keyName: this.config.disableKeyName ? null : keyName(raw),
        lastRotationAt: now,
        rotationCount: (key.rotationCount ?? 0) + 1,
        updatedAt: now,
        updatedBy: actorOf(caller),
      });
      await em.query(`UPDATE "LiteLLM_DeprecatedVerificationToken" SET active_token_id = $2 WHERE active_token_id = $1`, [key.token, token]);
      if (grace && grace.value > 0)
        await em.query(
          `INSERT INTO "LiteLLM_DeprecatedVerificationToken" (id, token, active_token_id, revoke_at, created_at) VALUES ($1, $2, $3, $4, $5)`,
          [randomUUID(), key.token, token, addDuration(now, grace), now],
        );
      const row = await em.findOneByOrFail(VirtualKey, { token });
      await audit(em, this.config, caller, { action: 'rotated', table: TABLE, objectId: token, before: columnJson(em, VirtualKey, key), after: { key: raw, ...columnJson(em, VirtualKey, row) } });
      return row;
    });
    return { key: raw, info };
  }

  async setBlocked(tokenInput: string, blocked: boolean): Promise<VirtualKey> {
    const action = blocked ? 'block' : 'unblock';
    this.policy.requireWrite(`${action} keys`);
    const caller = this.policy.caller;
    return this.ds.transaction(async (em) => {
      const { key, teamOrganizationId } = await this.lockKey(em, tokenInput);
      this.policy.assertCanSanctionKey(key, teamOrganizationId, action);
      await em.update(VirtualKey, { token: key.token }, { blocked, updatedAt: this.now(), updatedBy: actorOf(caller) });
      const row = await em.findOneByOrFail(VirtualKey, { token: key.token });
      await audit(em, this.config, caller, { action: blocked ? 'blocked' : 'unblocked', table: TABLE, objectId: key.token, before: columnJson(em, VirtualKey, key), after: {} });
      return row;
    });
  }

  async resetSpend(tokenInput: string, resetTo: number): Promise<VirtualKey> {
    this.policy.requireWrite('reset key spend');
    v.money('resetTo', resetTo);
    const caller = this.policy.caller;
    return this.ds.transaction(async (em) => {
      const { key, teamOrganizationId } = await this.lockKey(em, tokenInput);
      this.policy.assertCanResetKeySpend(key, teamOrganizationId);
      // LiteLLM: 0 ≤ reset_to ≤ current spend and ≤ the key's max budget
      if (resetTo > key.spend) throw badInput('resetTo', `${resetTo} is above the key's current spend of ${key.spend}`);
      v.atMost('resetTo', resetTo, key.maxBudget, "key's max budget");
      await em.update(VirtualKey, { token: key.token }, { spend: resetTo, updatedAt: this.now(), updatedBy: actorOf(caller) });
      const row = await em.findOneByOrFail(VirtualKey, { token: key.token });
      await audit(em, this.config, caller, { action: 'updated', table: TABLE, objectId: key.token, before: columnJson(em, VirtualKey, key), after: { spend: resetTo } });
      return row;
    });
  }
}
