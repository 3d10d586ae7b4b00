import { Arg, Args, Ctx, Extensions, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql';
import { Budget, Organization, OrganizationMember, User } from '../entities';
import { connection } from '../src/graphql/connection';
import { Context } from '../src/graphql/context';
import { organizationList } from '../src/reads/organizations';
import { reads } from '../src/graphql/selection';
import { OrganizationFilter } from './inputs/filters.input';
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
