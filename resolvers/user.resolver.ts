import { Arg, Args, Ctx, Extensions, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Organization, OrganizationMember, Team, User } from '../entities';
import { connection } from '../src/graphql/connection';
import { Context } from '../src/graphql/context';
import { userFilterScans, userList } from '../src/reads/users';
import { scanCost } from '../src/graphql/limits';
import { reads } from '../src/graphql/selection';
import { UserFilter } from './inputs/filters.input';
import { UserService } from '../src/services/users';
import { GeneratedKey } from './inputs/key.input';
import { CreatedUser, CreateUserInput, UpdateUserInput, UserUpdateInput } from './inputs/user.input';
import { PageArgs } from './inputs/page.input';
import { KeyConnection, UserConnection } from './types/connections';


@Resolver(() => User)
export class UserResolver {
  @Query(() => UserConnection, { description: 'Users the caller may see: admins all; others themselves and the members of teams and organizations they administer' })
  @Extensions(scanCost((args) => userFilterScans(args.filter)))
  async users(@Args() args: PageArgs, @Arg('filter', () => UserFilter, { nullable: true, description: 'Only users matching these columns' }) filter: UserFilter | null, @Ctx() { ds, policy, loaders }: Context) {
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

@Resolver()
export class UserMutationResolver {
  private service({ ds, config, policy }: Context) {
    return new UserService(ds, config, policy);
  }

  @Mutation(() => CreatedUser, {
    description:
      'POST /user/new: the user row, their teams joined as addTeamMembers joins them, and their first key unless autoCreateKey is false, in one transaction; a taken id or email is CONFLICT',
  })
  async createUser(@Arg('input', () => CreateUserInput, { description: 'The new user' }) input: CreateUserInput, @Ctx() ctx: Context) {
    const made = await this.service(ctx).create({ ...input, teams: input.teams?.map((t) => ({ teamId: t.teamId, role: t.role ?? null })) });
    return Object.assign(new CreatedUser(), { user: made.user, key: made.key ? Object.assign(new GeneratedKey(), made.key) : null });
  }

  @Mutation(() => User, { description: 'POST /user/update: proxy admins change any field of anyone; a user only their own userAlias' })
  updateUser(
    @Arg('id', () => ID, { description: 'user_id of the user to change' }) id: string,
    @Arg('input', () => UpdateUserInput, { description: 'Fields to change; omitted fields stay' }) input: UpdateUserInput,
    @Ctx() ctx: Context,
  ) {
    return this.service(ctx).update(id, input);
  }

  @Mutation(() => [User], { description: 'POST /user/bulk_update with users: at most 500, all in one transaction; one refused update refuses them all (LiteLLM reports each)' })
  updateUsers(@Arg('updates', () => [UserUpdateInput], { description: 'Each user and their changes, each user once' }) updates: UserUpdateInput[], @Ctx() ctx: Context) {
    return this.service(ctx).updateMany(updates);
  }

  @Mutation(() => [ID], {
    description:
      "POST /user/delete: the users leave their teams' members_with_roles, their keys are deleted (copied to the tombstones first), their invitation links and team and organization memberships go, then the users; all or nothing",
  })
  deleteUsers(@Arg('ids', () => [ID], { description: 'user_id of each user to delete' }) ids: string[], @Ctx() ctx: Context) {
    return this.service(ctx).delete(ids);
  }
}
