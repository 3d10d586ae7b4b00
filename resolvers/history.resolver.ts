import { Arg, Args, Ctx, Extensions, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { DeletedTeam, DeletedVirtualKey, Organization, SpendLog, Team, User } from '../entities';
import { connection } from '../src/graphql/connection';
import { Context } from '../src/graphql/context';
import { reads } from '../src/graphql/selection';
import { deletedKeyList, deletedTeamList } from '../src/reads/history';
import { DeletedKeyFilter, DeletedTeamFilter } from './inputs/history.input';
import { PageArgs } from './inputs/page.input';
import { SpendReportRow } from './spend.resolver';
import { DeletedKeyConnection, DeletedTeamConnection } from './types/connections';

/** History that stays (LiteLLM issues #24225, #25710): the tombstones LiteLLM writes when it deletes keys and teams. */
@Resolver(() => DeletedVirtualKey)
export class DeletedKeyResolver {
  @Query(() => DeletedKeyConnection, { description: 'Deleted and rotated-away keys (LiteLLM_DeletedVerificationToken), newest deletion first; proxy admins and admin viewers' })
  async deletedKeys(@Args() args: PageArgs, @Arg('filter', () => DeletedKeyFilter, { nullable: true, description: 'Narrow by indexed columns' }) filter: DeletedKeyFilter | null, @Ctx() { ds, policy, loaders }: Context) {
    policy.requireReadAll('deleted keys');
    const { page, count } = await deletedKeyList(ds, policy, loaders.wanted({ name: 'DeletedKey' }), args, filter);
    return connection(DeletedKeyConnection, page, count);
  }

  @FieldResolver(() => Team, { nullable: true, description: "The key's team if it still exists and the caller may see it" })
  @Extensions(reads('teamId'))
  team(@Root() k: DeletedVirtualKey, @Ctx() { loaders }: Context) {
    return k.teamId ? loaders.team.load(k.teamId) : null;
  }

  @FieldResolver(() => DeletedTeam, { nullable: true, description: "The key's team's tombstone, when that team was deleted too" })
  @Extensions(reads('teamId'))
  deletedTeam(@Root() k: DeletedVirtualKey, @Ctx() { loaders }: Context) {
    return k.teamId ? loaders.deletedTeam.load(k.teamId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: "The key's owner if they still exist and the caller may see them" })
  @Extensions(reads('userId'))
  user(@Root() k: DeletedVirtualKey, @Ctx() { loaders }: Context) {
    return k.userId ? loaders.user.load(k.userId) : null;
  }
}

@Resolver(() => DeletedTeam)
export class DeletedTeamResolver {
  @Query(() => DeletedTeamConnection, { description: 'Deleted teams (LiteLLM_DeletedTeamTable), newest deletion first; proxy admins and admin viewers' })
  async deletedTeams(@Args() args: PageArgs, @Arg('filter', () => DeletedTeamFilter, { nullable: true, description: 'Narrow by indexed columns' }) filter: DeletedTeamFilter | null, @Ctx() { ds, policy, loaders }: Context) {
    policy.requireReadAll('deleted teams');
    const { page, count } = await deletedTeamList(ds, policy, loaders.wanted({ name: 'DeletedTeam' }), args, filter);
    return connection(DeletedTeamConnection, page, count);
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The team's organization if it still exists and the caller may see it" })
  @Extensions(reads('organizationId'))
  organization(@Root() t: DeletedTeam, @Ctx() { loaders }: Context) {
    return t.organizationId ? loaders.organization.load(t.organizationId) : null;
  }
}

@Resolver(() => SpendLog)
export class SpendLogHistoryResolver {
  @FieldResolver(() => DeletedVirtualKey, { nullable: true, description: "The key's tombstone when it was deleted or rotated away: its alias, owner and team as they were" })
  @Extensions(reads('apiKey'))
  deletedKey(@Root() l: SpendLog, @Ctx() { loaders }: Context) {
    return l.apiKey ? loaders.deletedKey.load(l.apiKey) : null;
  }

  @FieldResolver(() => DeletedTeam, { nullable: true, description: "The team's tombstone when it was deleted: its alias and organization as they were" })
  @Extensions(reads('teamId'))
  deletedTeam(@Root() l: SpendLog, @Ctx() { loaders }: Context) {
    return l.teamId ? loaders.deletedTeam.load(l.teamId) : null;
  }
}

@Resolver(() => SpendReportRow)
export class SpendReportRowHistoryResolver {
  @FieldResolver(() => DeletedVirtualKey, { nullable: true, description: "The group's key tombstone (KEY) when it was deleted or rotated away" })
  deletedKey(@Root() r: SpendReportRow, @Ctx() { loaders }: Context) {
    return r.apiKey ? loaders.deletedKey.load(r.apiKey) : null;
  }

  @FieldResolver(() => DeletedTeam, { nullable: true, description: "The group's team tombstone (TEAM) when it was deleted" })
  deletedTeam(@Root() r: SpendReportRow, @Ctx() { loaders }: Context) {
    return r.teamId ? loaders.deletedTeam.load(r.teamId) : null;
  }
}
