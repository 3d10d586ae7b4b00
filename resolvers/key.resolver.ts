import { Arg, Args, Ctx, Extensions, FieldResolver, Float, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Budget, Organization, Team, User, VirtualKey } from '../entities';
import { connection } from '../src/graphql/connection';
import { badInput } from '../src/graphql/errors';
import { Context } from '../src/graphql/context';
import { keyByAlias, keyFilterScans, keyList } from '../src/reads/keys';
import { scanCost } from '../src/graphql/limits';
import { reads } from '../src/graphql/selection';
import { tokenFromInput } from '../src/services/key-format';
import { KeyService } from '../src/services/keys';
import { KeyFilter, KeyOrder } from './inputs/filters.input';
import { GeneratedKey, GenerateKeyInput, RegenerateKeyInput, UpdateKeyInput } from './inputs/key.input';
import { PageArgs } from './inputs/page.input';
import { KeyConnection } from './types/connections';

@Resolver(() => VirtualKey)
export class KeyResolver {
  @Query(() => KeyConnection, { description: "Virtual keys the caller may see: admins all; others their own keys, their teams' service-account keys and the keys of teams and organizations they administer" })
  @Extensions(scanCost((args) => keyFilterScans(args.filter, args.orderBy)))
  async keys(
    @Args() args: PageArgs,
    @Arg('filter', () => KeyFilter, { nullable: true, description: 'Only keys of this user or team' }) filter: KeyFilter | null,
    @Arg('orderBy', () => KeyOrder, { nullable: true, defaultValue: KeyOrder.TOKEN_ASC, description: 'Order of the list (by key hash ascending unless given)' }) orderBy: KeyOrder,
    @Ctx() { ds, policy, loaders }: Context,
  ) {
    const { page, count } = await keyList(ds, policy, loaders.wanted(VirtualKey), args, filter, orderBy);
    return connection(KeyConnection, page, count);
  }

  @Query(() => VirtualKey, { nullable: true, description: 'By token (the raw sk- key or its hash) or by alias' })
  async key(
    @Arg('token', () => String, { nullable: true, description: 'The raw sk- key or its SHA-256 hash' }) token: string | null,
    @Arg('alias', () => String, { nullable: true, description: "The key's key_alias" }) alias: string | null,
    @Ctx() { ds, loaders, policy }: Context,
  ) {
    if ((token == null) === (alias == null)) throw badInput('key', 'give exactly one of token or alias');
    if (token != null) return loaders.key.load(tokenFromInput(token));
    return keyByAlias(ds, policy, loaders.wanted(VirtualKey), alias!);
  }

  @FieldResolver(() => User, { nullable: true, description: "The key's owner; null for a service-account key or when the caller may not see the user" })
  @Extensions(reads('userId'))
  user(@Root() key: VirtualKey, @Ctx() { loaders }: Context) {
    return key.userId ? loaders.user.load(key.userId) : null;
  }

  @FieldResolver(() => Team, { nullable: true, description: "The key's team; null when the key has none or the caller may not see it" })
  @Extensions(reads('teamId'))
  team(@Root() key: VirtualKey, @Ctx() { loaders }: Context) {
    return key.teamId ? loaders.team.load(key.teamId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The key's organization; null when none or the caller may not see it" })
  @Extensions(reads('organizationId'))
  organization(@Root() key: VirtualKey, @Ctx() { loaders }: Context) {
    return key.organizationId ? loaders.organization.load(key.organizationId) : null;
  }

  @FieldResolver(() => Budget, { nullable: true, description: 'The budget tier linked by budget_id (soft budget, shared limits); null when none' })
  @Extensions(reads('budgetId'))
  budget(@Root() key: VirtualKey, @Ctx() { loaders }: Context) {
    return key.budgetId ? loaders.budget.load(key.budgetId) : null;
  }
}

@Resolver()
export class KeyMutationResolver {
  private service({ ds, config, policy }: Context) {
    return new KeyService(ds, config, policy);
  }

  @Mutation(() => GeneratedKey, { description: 'POST /key/generate: the raw key is in the answer once and stored nowhere' })
  async generateKey(@Arg('input', () => GenerateKeyInput, { description: 'Settings of the new key; every field is optional' }) input: GenerateKeyInput, @Ctx() ctx: Context) {
    return Object.assign(new GeneratedKey(), await this.service(ctx).generate(input, ctx.loaders.wanted(VirtualKey)));
  }

  @Mutation(() => VirtualKey, { description: 'POST /key/update; token is the raw key or its hash' })
  updateKey(@Arg('token', { description: 'The raw sk- key or its hash' }) token: string, @Arg('input', () => UpdateKeyInput, { description: 'Fields to change; omitted fields stay as they are' }) input: UpdateKeyInput, @Ctx() ctx: Context) {
    return this.service(ctx).update(token, input);
  }

  @Mutation(() => [String], { description: 'POST /key/delete: rows are copied to LiteLLM_DeletedVerificationToken first; returns the deleted hashes' })
  deleteKeys(
    @Arg('tokens', () => [String], { nullable: true, description: 'Raw sk- keys or their hashes' }) tokens: string[] | null,
    @Arg('aliases', () => [String], { nullable: true, description: 'key_alias values of the keys to delete' }) aliases: string[] | null,
    @Ctx() ctx: Context,
  ) {
    return this.service(ctx).delete(tokens, aliases);
  }

  @Mutation(() => GeneratedKey, { description: 'POST /key/regenerate: same row, new token and key_name' })
  async regenerateKey(@Arg('token', { description: 'The raw sk- key or the hash of the key to rotate' }) token: string, @Arg('input', () => RegenerateKeyInput, { nullable: true, description: 'Optional new key value and grace period for the old key' }) input: RegenerateKeyInput | null, @Ctx() ctx: Context) {
    return Object.assign(new GeneratedKey(), await this.service(ctx).regenerate(token, input ?? {}));
  }

  @Mutation(() => VirtualKey, { description: 'POST /key/block: LiteLLM rejects every request with the key until it is unblocked' })
  blockKey(@Arg('token', { description: 'The raw sk- key or its hash' }) token: string, @Ctx() ctx: Context) {
    return this.service(ctx).setBlocked(token, true);
  }

  @Mutation(() => VirtualKey, { description: 'POST /key/unblock: the key may make requests again' })
  unblockKey(@Arg('token', { description: 'The raw sk- key or its hash' }) token: string, @Ctx() ctx: Context) {
    return this.service(ctx).setBlocked(token, false);
  }

  @Mutation(() => VirtualKey, { description: "POST /key/{key}/reset_spend: 0 ≤ resetTo ≤ current spend and ≤ max budget" })
  resetKeySpend(@Arg('token', { description: 'The raw sk- key or its hash' }) token: string, @Arg('resetTo', () => Float, { description: 'New spend in USD, between 0 and the current spend' }) resetTo: number, @Ctx() ctx: Context) {
    return this.service(ctx).resetSpend(token, resetTo);
  }
}
