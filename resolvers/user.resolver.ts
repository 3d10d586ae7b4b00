import { Arg, Args, Ctx, Extensions, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Organization, OrganizationMember, Team, User } from '../entities';
import { connection } from '../src/graphql/connection';
import { Context } from '../src/graphql/context';
import { userList } from '../src/reads/users';
import { reads } from '../src/graphql/selection';
import { UserFilter } from './inputs/filters.input';
import { PageArgs } from './inputs/page.input';
import { KeyConnection, UserConnection } from './types/connections';


@Resolver(() => User)
export class UserResolver {
  @Query(() => UserConnection, { description: 'Users the caller may see: admins all; others themselves and the members of teams and organizations they administer' })
  async users(@Args() args: PageArgs, @Arg('filter', () => UserFilter, { nullable: true, description: 'Only users matching these indexed columns' }) filter: UserFilter | null, @Ctx() { ds, policy, loaders }: Context) {
    const { page, count } = await userList(ds, policy, loaders.wanted(User), args, filter);
    return connection(UserConnection, page, count);
  }

  @Query(() => User, { nullable: true, description: 'A user by id; null when none has it or the caller may not see them' })
  user(@Arg('id', () => ID, { description: 'User id (user_id)' }) id: string, @Ctx() { loaders }: Context) {
    return loaders.user.load(id);
  }

  @FieldResolver(() => [Team], { description: 'Teams in UserTable.teams that the caller may see' })
  @Extensions(reads('teamIds'))
  async teams(@Root() user: User, @Ctx() { loaders }: Context) {
    const teams = await loaders.team.loadMany(user.teamIds ?? []);
    return teams.filter((t): t is Team => !!t && !(t instanceof Error));
  }

  @FieldResolver(() => [OrganizationMember], { description: "The user's OrganizationMembership rows" })
  memberships(@Root() user: User, @Ctx() { loaders }: Context) {
    return loaders.membershipsOfUser.load(user.id);
  }

  @FieldResolver(() => [Organization], { description: 'Organizations the user is a member of' })
  async organizations(@Root() user: User, @Ctx() { loaders }: Context) {
    const memberships = await loaders.membershipsOfUser.load(user.id);
    const orgs = await loaders.organization.loadMany(memberships.map((m) => m.organizationId));
    return orgs.filter((o): o is Organization => !!o && !(o instanceof Error));
  }

  @FieldResolver(() => KeyConnection, { description: 'Keys owned by this user (user_id) that the caller may see' })
  async keys(@Root() user: User, @Args() args: PageArgs, @Ctx() { loaders }: Context) {
    const l = loaders.keysOfUser(args);
    return connection(KeyConnection, await l.pages.load(user.id), () => l.counts.load(user.id));
  }
}
