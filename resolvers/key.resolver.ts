import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Budget, Organization, Team, User, VirtualKey } from '../entities';
import { table } from '../src/db/rows';
import { Params } from '../src/db/sql';
import { connection } from '../src/graphql/connection';
import { badInput } from '../src/graphql/errors';
import { Context } from '../src/graphql/context';
import { KEY_ORDER } from '../src/loaders/loaders';
import { listPage } from '../src/loaders/paging';
import { tokenFromInput } from '../src/services/key-format';
import { KeyFilter, KeyOrder } from './inputs/filters.input';
import { PageArgs } from './inputs/page.input';
import { KeyConnection } from './types/connections';

@Resolver(() => VirtualKey)
export class KeyResolver {
  @Query(() => KeyConnection)
  async keys(
    @Args() args: PageArgs,
    @Arg('filter', () => KeyFilter, { nullable: true }) filter: KeyFilter | null,
    @Arg('orderBy', () => KeyOrder, { nullable: true, defaultValue: KeyOrder.TOKEN_ASC }) orderBy: KeyOrder,
    @Ctx() { ds, policy }: Context,
  ) {
    const { page, count } = await listPage(ds, {
      entity: VirtualKey,
      order: { ...KEY_ORDER, direction: orderBy === KeyOrder.TOKEN_DESC ? 'DESC' : 'ASC' },
      where: (x, p) => {
        const w = [policy.keyScope(x, p)];
        if (filter?.userId) w.push(`${x}.user_id = ${p.add(filter.userId)}`);
        if (filter?.teamId) w.push(`${x}.team_id = ${p.add(filter.teamId)}`);
        return w;
      },
    }, args);
    return connection(KeyConnection, page, count);
  }

  @Query(() => VirtualKey, { nullable: true, description: 'By token (the raw sk- key or its hash) or by alias' })
  async key(
    @Arg('token', () => String, { nullable: true }) token: string | null,
    @Arg('alias', () => String, { nullable: true }) alias: string | null,
    @Ctx() { ds, loaders, policy }: Context,
  ) {
    if ((token == null) === (alias == null)) throw badInput('key', 'give exactly one of token or alias');
    if (token != null) return loaders.key.load(tokenFromInput(token));
    // LiteLLM has no index on key_alias: this lookup reads the key table.
    const t = table(ds, VirtualKey);
    const p = new Params([alias]);
    const rows = await ds.query(`SELECT ${t.select('x')} FROM ${t.table} x WHERE x.key_alias = $1 AND ${policy.keyScope('x', p)} LIMIT 1`, p.values);
    return rows[0] ? t.hydrate(rows[0]) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  user(@Root() key: VirtualKey, @Ctx() { loaders }: Context) {
    return key.userId ? loaders.user.load(key.userId) : null;
  }

  @FieldResolver(() => Team, { nullable: true })
  team(@Root() key: VirtualKey, @Ctx() { loaders }: Context) {
    return key.teamId ? loaders.team.load(key.teamId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() key: VirtualKey, @Ctx() { loaders }: Context) {
    return key.organizationId ? loaders.organization.load(key.organizationId) : null;
  }

  @FieldResolver(() => Budget, { nullable: true })
  budget(@Root() key: VirtualKey, @Ctx() { loaders }: Context) {
    return key.budgetId ? loaders.budget.load(key.budgetId) : null;
  }
}
