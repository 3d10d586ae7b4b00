import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Budget, EndUser, Organization, Team, User } from '../entities';
import { Context } from '../src/graphql/context';
import { runBudgetReset } from '../src/services/budget-reset';
import { BudgetService } from '../src/services/budgets';
import { BudgetResetReport, CreateBudgetInput, SetBudgetInput, UpdateBudgetInput } from './inputs/budget.input';
import { TeamMemberService } from '../src/services/team-members';
import { badInput } from '../src/graphql/errors';
import { TeamMember } from './types/team-member.type';

@Resolver()
export class BudgetMutationResolver {
  private service({ ds, config, policy }: Context) {
    return new BudgetService(ds, config, policy);
  }

  @Mutation(() => Budget, { description: 'POST /budget/new' })
  createBudget(@Arg('input', () => CreateBudgetInput, { description: 'Limits of the new tier' }) input: CreateBudgetInput, @Ctx() ctx: Context) {
    return this.service(ctx).create(input);
  }

  @Mutation(() => Budget, { description: 'POST /budget/update; a new budgetDuration recomputes budgetResetAt' })
  updateBudget(@Arg('id', () => ID, { description: 'Id of the tier to change (budget_id)' }) id: string, @Arg('input', () => UpdateBudgetInput, { description: 'Fields to change; omitted fields stay as they are' }) input: UpdateBudgetInput, @Ctx() ctx: Context) {
    return this.service(ctx).update(id, input);
  }

  @Mutation(() => ID, { description: 'POST /budget/delete: CONFLICT while an organization uses it; other links are cleared' })
  deleteBudget(@Arg('id', () => ID, { description: 'Id of the tier to delete (budget_id)' }) id: string, @Ctx() ctx: Context) {
    return this.service(ctx).delete(id);
  }

  @Mutation(() => Team, { description: "The team's inline budget (/team/update)" })
  setTeamBudget(@Arg('teamId', () => ID, { description: 'Id of the team (team_id)' }) teamId: string, @Arg('input', () => SetBudgetInput, { description: 'Budget fields to set; omitted fields stay, null clears' }) input: SetBudgetInput, @Ctx() ctx: Context) {
    return this.service(ctx).setTeamBudget(teamId, input);
  }

  @Mutation(() => User, { description: "The user's inline budget (/user/update)" })
  setUserBudget(@Arg('userId', () => ID, { description: 'Id of the user (user_id)' }) userId: string, @Arg('input', () => SetBudgetInput, { description: 'Budget fields to set; omitted fields stay, null clears (users have no soft budget)' }) input: SetBudgetInput, @Ctx() ctx: Context) {
    return this.service(ctx).setUserBudget(userId, input);
  }

  @Mutation(() => TeamMember, {
    description: "/team/member_update with max_budget_in_team: the member's own tier, changed as a merge-patch (a tier shared with anyone else is copied first) and linked by a TeamMembership row",
  })
  setTeamMemberBudget(
    @Arg('teamId', () => ID, { description: 'Id of the team (team_id)' }) teamId: string,
    @Arg('userId', () => ID, { description: 'user_id of the member' }) userId: string,
    @Arg('input', () => SetBudgetInput, { description: "The member's limits in this team; omitted fields stay, null clears" }) input: SetBudgetInput,
    @Ctx() { ds, policy, config }: Context,
  ) {
    if (input.budgetId != null) throw badInput('budgetId', "a member's budget is their own tier; set maxBudget and budgetDuration");
    const { budgetId: _, ...patch } = input;
    return new TeamMemberService(ds, policy, config).update(teamId, userId, patch);
  }

  @Mutation(() => Organization, { description: "The organization's budget tier (/organization/update)" })
  setOrganizationBudget(@Arg('organizationId', () => ID, { description: 'Id of the organization (organization_id)' }) organizationId: string, @Arg('input', () => SetBudgetInput, { description: "Fields to set on the organization's tier, or budgetId to link another tier" }) input: SetBudgetInput, @Ctx() ctx: Context) {
    return this.service(ctx).setOrganizationBudget(organizationId, input);
  }

  @Mutation(() => EndUser, { description: '/customer/update' })
  setEndUserBudget(@Arg('endUserId', () => ID, { description: 'Customer id (LiteLLM_EndUserTable.user_id)' }) endUserId: string, @Arg('input', () => SetBudgetInput, { description: "Limits for the customer's own tier, or budgetId to link an existing tier (not both)" }) input: SetBudgetInput, @Ctx() ctx: Context) {
    return this.service(ctx).setEndUserBudget(endUserId, input);
  }

  @Mutation(() => BudgetResetReport, { description: "LiteLLM's periodic budget reset job, run now (proxy admins)" })
  async resetBudgets(@Ctx() { ds, config, policy }: Context) {
    policy.requireAdmin('run the budget reset job');
    return Object.assign(new BudgetResetReport(), await runBudgetReset(ds, { timezone: config.timezone, resetTime: config.budgetResetTime }));
  }
}
