import { Arg, Args, Ctx, Extensions, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Budget, Organization, OrganizationMember, User } from '../entities';
import { connection } from '../src/graphql/connection';
import { Context } from '../src/graphql/context';
import { organizationList } from '../src/reads/organizations';
import { reads } from '../src/graphql/selection';
import { OrganizationService } from '../src/services/organizations';
import { OrganizationFilter } from './inputs/filters.input';
import { CreateOrganizationInput, OrganizationMemberInput, UpdateOrganizationInput, UpdateOrganizationMemberInput } from './inputs/organization.input';
import { PageArgs } from './inputs/page.input';
import { KeyConnection, OrganizationConnection, OrganizationMemberConnection, TeamConnection } from './types/connections';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => OrganizationConnection, { description: 'Organizations the caller may see: admins all; others those they are a member of' })
  async organizations(
    @Args() args: PageArgs,
    @Arg('filter', () => OrganizationFilter, { nullable: true, description: 'Only these organizations' }) filter: OrganizationFilter | null,
    @Ctx() { ds, policy, loaders }: Context,
  ) {
    const { page, count } = await organizationList(ds, policy, loaders.wanted(Organization), args, filter);
    return connection(OrganizationConnection, page, count);
  }

  @Query(() => Organization, { nullable: true, description: 'An organization by id; null when none has it or the caller may not see it' })
  organization(@Arg('id', () => ID, { description: 'Organization id (organization_id)' }) id: string, @Ctx() { loaders }: Context) {
    return loaders.organization.load(id);
  }

  @FieldResolver(() => Budget, { nullable: true, description: "The organization's budget tier: max budget, period and limits" })
  @Extensions(reads('budgetId'))
  budget(@Root() org: Organization, @Ctx() { loaders }: Context) {
    return loaders.budget.load(org.budgetId);
  }

  @FieldResolver(() => TeamConnection, { description: 'Teams of this organization that the caller may see' })
  async teams(@Root() org: Organization, @Args() args: PageArgs, @Ctx() { loaders }: Context) {
    const l = loaders.teamsOfOrganization(args);
    return connection(TeamConnection, await l.pages.load(org.id), () => l.counts.load(org.id));
  }

  @FieldResolver(() => OrganizationMemberConnection, { description: "The organization's members (LiteLLM_OrganizationMembership rows)" })
  async members(@Root() org: Organization, @Args() args: PageArgs, @Ctx() { loaders }: Context) {
    const l = loaders.membersOfOrganization(args);
    return connection(OrganizationMemberConnection, await l.pages.load(org.id), () => l.counts.load(org.id));
  }

  @FieldResolver(() => KeyConnection, { description: 'Keys whose organization_id is this organization (LiteLLM has no index on it)' })
  async keys(@Root() org: Organization, @Args() args: PageArgs, @Ctx() { loaders }: Context) {
    const l = loaders.keysOfOrganization(args);
    return connection(KeyConnection, await l.pages.load(org.id), () => l.counts.load(org.id));
  }
}

@Resolver()
export class OrganizationMutationResolver {
  private service({ ds, policy, config }: Context) {
    return new OrganizationService(ds, policy, config);
  }

  @Mutation(() => Organization, {
    description:
      'POST /organization/new (proxy admins): the organization (organization_id a new UUID v4 unless given) and its budget tier, made from the given limits unless budgetId names an existing tier',
  })
  createOrganization(@Arg('input', () => CreateOrganizationInput, { description: 'The organization and its budget limits' }) input: CreateOrganizationInput, @Ctx() ctx: Context) {
    return this.service(ctx).create(input);
  }

  @Mutation(() => Organization, {
    description:
      "PATCH /organization/update (proxy admins): alias and models replace, metadata merges (top-level keys), budget fields change the organization's tier in place, budgetId links another tier",
  })
  updateOrganization(
    @Arg('id', () => ID, { description: 'Id of the organization (organization_id)' }) id: string,
    @Arg('input', () => UpdateOrganizationInput, { description: 'Fields to change; omitted or null fields stay' }) input: UpdateOrganizationInput,
    @Ctx() ctx: Context,
  ) {
    return this.service(ctx).update(id, input);
  }

  @Mutation(() => [ID], {
    description:
      "DELETE /organization/delete (proxy admins), all or nothing: as LiteLLM, each organization's teams, memberships and the keys carrying its organization_id are deleted (keys copied to the deleted-keys table first), then the organization; its budget tier, its users and the keys of its teams that carry no organization_id stay. Returns the deleted ids.",
  })
  deleteOrganizations(@Arg('ids', () => [ID], { description: 'organization_id values to delete, at most 100' }) ids: string[], @Ctx() ctx: Context) {
    return this.service(ctx).delete(ids);
  }

  @Mutation(() => Organization, {
    description:
      "POST /organization/member_add (proxy admins and the organization's org admins): each member found by user_id, else by exact email, else created as LiteLLM's new internal user; an OrganizationMembership row with the role (and a budget tier with maxBudgetInOrganization). CONFLICT, writing nothing, when one is already a member",
  })
  addOrganizationMembers(
    @Arg('organizationId', () => ID, { description: 'Id of the organization (organization_id)' }) organizationId: string,
    @Arg('members', () => [OrganizationMemberInput], { description: 'The members to add, at most 500' }) members: OrganizationMemberInput[],
    @Ctx() ctx: Context,
  ) {
    return this.service(ctx).addMembers(organizationId, members);
  }

  @Mutation(() => OrganizationMember, {
    description:
      "PATCH /organization/member_update (proxy admins and the organization's org admins, not on their own membership): the member's role and their budget tier in the organization",
  })
  updateOrganizationMember(
    @Arg('organizationId', () => ID, { description: 'Id of the organization (organization_id)' }) organizationId: string,
    @Arg('userId', () => ID, { description: 'user_id of the member' }) userId: string,
    @Arg('input', () => UpdateOrganizationMemberInput, { description: 'Role and budget to set; omitted fields stay' }) input: UpdateOrganizationMemberInput,
    @Ctx() ctx: Context,
  ) {
    return this.service(ctx).updateMember(organizationId, userId, input);
  }

  @Mutation(() => Organization, {
    description:
      "DELETE /organization/member_delete (proxy admins and the organization's org admins): the members' OrganizationMembership rows are deleted, all or nothing (NOT_FOUND when one is not a member); users, budget tiers, team memberships and keys stay, as in LiteLLM",
  })
  removeOrganizationMembers(
    @Arg('organizationId', () => ID, { description: 'Id of the organization (organization_id)' }) organizationId: string,
    @Arg('userIds', () => [ID], { description: 'user_id values of the members to remove, at most 500' }) userIds: string[],
    @Ctx() ctx: Context,
  ) {
    return this.service(ctx).removeMembers(organizationId, userIds);
  }
}

@Resolver(() => OrganizationMember)
export class OrganizationMemberResolver {
  @FieldResolver(() => User, { nullable: true, description: "The member's user; null when the caller may not see them" })
  @Extensions(reads('userId'))
  user(@Root() m: OrganizationMember, @Ctx() { loaders }: Context) {
    return loaders.user.load(m.userId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization; null when the caller may not see it' })
  @Extensions(reads('organizationId'))
  organization(@Root() m: OrganizationMember, @Ctx() { loaders }: Context) {
    return loaders.organization.load(m.organizationId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'null unless the caller is this member or an admin of the organization' })
  @Extensions(reads('userId', 'organizationId'))
  budgetId(@Root() m: OrganizationMember, @Ctx() { policy }: Context) {
    return policy.canSeeOrganizationMemberSpend(m.organizationId, m.userId) ? m.budgetId : null;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'null unless the caller is this member or an admin of the organization' })
  @Extensions(reads('userId', 'organizationId'))
  spend(@Root() m: OrganizationMember, @Ctx() { policy }: Context) {
    return policy.canSeeOrganizationMemberSpend(m.organizationId, m.userId) ? m.spend : null;
  }

  @FieldResolver(() => Budget, { nullable: true, description: 'null unless the caller is this member or an admin of the organization' })
  @Extensions(reads('budgetId', 'userId', 'organizationId'))
  budget(@Root() m: OrganizationMember, @Ctx() { loaders, policy }: Context) {
    return m.budgetId && policy.canSeeOrganizationMemberSpend(m.organizationId, m.userId) ? loaders.budget.load(m.budgetId) : null;
  }
}
