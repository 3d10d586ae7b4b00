import { Arg, Args, Ctx, Extensions, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { fastPath, SLOW } from '../src/graphql/field-fast-path';
import { Budget, Organization, Team, User } from '../entities';
import { connection } from '../src/graphql/connection';
import { pageWindow, POSITION } from '../src/paging';
import { Context } from '../src/graphql/context';
import { teamList } from '../src/reads/teams';
import { reads, readsWhen } from '../src/graphql/selection';
import { needsMembersJson } from '../src/reads/members';
import { TeamFilter } from './inputs/filters.input';
import { CreateTeamInput, TeamMemberInput, UpdateTeamInput, UpdateTeamMemberInput } from './inputs/team.input';
import { TeamService } from '../src/services/teams';
import { TeamMemberService } from '../src/services/team-members';
import { PageArgs } from './inputs/page.input';
import { KeyConnection, TeamConnection, TeamMemberConnection } from './types/connections';
import { teamMembers } from '../src/services/members';
import { TeamMember } from './types/team-member.type';


@Resolver(() => Team)
export class TeamResolver {
  @Query(() => TeamConnection, { description: 'Teams the caller may see: admins all; others the teams they belong to and the teams of organizations they administer' })
  async teams(@Args() args: PageArgs, @Arg('filter', () => TeamFilter, { nullable: true, description: 'Only teams matching these indexed columns' }) filter: TeamFilter | null, @Ctx() { ds, policy, loaders }: Context) {
    const { page, count } = await teamList(ds, policy, loaders.wanted(Team), args, filter);
    return connection(TeamConnection, page, count);
  }

  @Query(() => Team, { nullable: true, description: 'A team by id; null when none has it or the caller may not see it' })
  team(@Arg('id', () => ID, { description: 'Team id (team_id)' }) id: string, @Ctx() { loaders }: Context) {
    return loaders.team.load(id);
  }

  @Mutation(() => Team, { description: 'POST /team/new: the team row, its model aliases row, its member budget tier, and the team in each member\'s UserTable.teams; the caller joins as admin' })
  createTeam(@Arg('input', () => CreateTeamInput, { description: 'The new team' }) input: CreateTeamInput, @Ctx() { ds, policy, config }: Context) {
    return new TeamService(ds, policy, config).create(input);
  }

  @Mutation(() => Team, { description: 'POST /team/update: omitted fields stay; a new budgetDuration recomputes budgetResetAt' })
  updateTeam(
    @Arg('id', () => ID, { description: 'Id of the team (team_id)' }) id: string,
    @Arg('input', () => UpdateTeamInput, { description: 'Fields to change' }) input: UpdateTeamInput,
    @Ctx() { ds, policy, config }: Context,
  ) {
    return new TeamService(ds, policy, config).update(id, input);
  }

  @Mutation(() => [ID], {
    description: "POST /team/delete: each team's keys are copied to the tombstones and deleted, members lose the team, TeamMembership rows go, a LiteLLM_DeletedTeamTable copy is kept; all or nothing",
  })
  deleteTeams(@Arg('ids', () => [ID], { description: 'Ids of the teams to delete (team_id), at most 100' }) ids: string[], @Ctx() { ds, policy, config }: Context) {
    return new TeamService(ds, policy, config).delete(ids);
  }

  @Mutation(() => Team, { description: "POST /team/block: LiteLLM rejects every request made with the team's keys" })
  blockTeam(@Arg('id', () => ID, { description: 'Id of the team (team_id)' }) id: string, @Ctx() { ds, policy, config }: Context) {
    return new TeamService(ds, policy, config).setBlocked(id, true);
  }

  @Mutation(() => Team, { description: 'POST /team/unblock' })
  unblockTeam(@Arg('id', () => ID, { description: 'Id of the team (team_id)' }) id: string, @Ctx() { ds, policy, config }: Context) {
    return new TeamService(ds, policy, config).setBlocked(id, false);
  }

  @Mutation(() => Team, { description: "POST /team/model/add: models appended once, in order; a team with all models (empty list) becomes all-proxy-models plus these" })
  addTeamModels(
    @Arg('id', () => ID, { description: 'Id of the team (team_id)' }) id: string,
    @Arg('models', () => [String], { description: 'Model names to allow' }) models: string[],
    @Ctx() { ds, policy, config }: Context,
  ) {
    return new TeamService(ds, policy, config).addModels(id, models);
  }

  @Mutation(() => Team, { description: 'POST /team/model/delete: these models leave the list, the rest keep their order; emptying the list is refused' })
  removeTeamModels(
    @Arg('id', () => ID, { description: 'Id of the team (team_id)' }) id: string,
    @Arg('models', () => [String], { description: 'Model names to remove' }) models: string[],
    @Ctx() { ds, policy, config }: Context,
  ) {
    return new TeamService(ds, policy, config).removeModels(id, models);
  }

  @Mutation(() => Team, {
    description:
      "POST /team/member_add (and /team/bulk_member_add): members appended to members_with_roles under LiteLLM's per-team lock, so concurrent adds keep every member; unknown users are created as LiteLLM creates them; members already in the team are skipped (CONFLICT when all are)",
  })
  addTeamMembers(
    @Arg('teamId', () => ID, { description: 'Id of the team (team_id)' }) teamId: string,
    @Arg('members', () => [TeamMemberInput], { description: 'The members to add, at most 500' }) members: TeamMemberInput[],
    @Ctx() { ds, policy, config }: Context,
  ) {
    return new TeamMemberService(ds, policy, config).add(teamId, members);
  }

  @Mutation(() => Team, {
    description:
      "POST /team/member_delete: every members_with_roles entry with one of these user ids or emails goes; the users lose the team in UserTable.teams, their TeamMembership rows go, and their keys in the team are deleted (copied to the tombstones first)",
  })
  removeTeamMembers(
    @Arg('teamId', () => ID, { description: 'Id of the team (team_id)' }) teamId: string,
    @Arg('userIds', () => [ID], { nullable: true, description: 'user_id values of the members to remove' }) userIds: string[] | null,
    @Arg('userEmails', () => [String], { nullable: true, description: 'Emails of the members to remove (exact match)' }) userEmails: string[] | null,
    @Ctx() { ds, policy, config }: Context,
  ) {
    return new TeamMemberService(ds, policy, config).remove(teamId, userIds, userEmails);
  }

  @Mutation(() => TeamMember, {
    description:
      "POST /team/member_update: the member's role, and their limits in the team as a merge-patch on their own tier (a tier shared with anyone else, such as the team's default member tier, is copied first; a tier left without a limit is unlinked)",
  })
  updateTeamMember(
    @Arg('teamId', () => ID, { description: 'Id of the team (team_id)' }) teamId: string,
    @Arg('userId', () => ID, { description: 'user_id of the member' }) userId: string,
    @Arg('input', () => UpdateTeamMemberInput, { description: 'What to change; omitted fields stay, null clears' }) input: UpdateTeamMemberInput,
    @Ctx() { ds, policy, config }: Context,
  ) {
    const { maxBudgetInTeam, ...rest } = input;
    return new TeamMemberService(ds, policy, config).update(teamId, userId, { ...rest, maxBudget: maxBudgetInTeam });
  }

  @Mutation(() => TeamMember, {
    description: "POST /team/{team_id}/member/{user_id}/reset_spend: the member's tracked spend in the team (TeamMembership.spend) set back to resetTo; a proxy admin's or the team's admins' call, never on one's own spend",
  })
  resetTeamMemberSpend(
    @Arg('teamId', () => ID, { description: 'Id of the team (team_id)' }) teamId: string,
    @Arg('userId', () => ID, { description: 'user_id of the member' }) userId: string,
    @Arg('resetTo', () => Float, { defaultValue: 0, description: "The spend to set, from 0 to the member's current spend (LiteLLM's reset_to)" }) resetTo: number,
    @Ctx() { ds, policy, config }: Context,
  ) {
    return new TeamMemberService(ds, policy, config).resetSpend(teamId, userId, resetTo);
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The team's organization; null when none or the caller may not see it" })
  @Extensions(reads('organizationId'))
  organization(@Root() team: Team, @Ctx() { loaders }: Context) {
    return team.organizationId ? loaders.organization.load(team.organizationId) : null;
  }

  @FieldResolver(() => TeamMemberConnection, { description: 'members_with_roles, in stored order' })
  @Extensions({ ...reads('organizationId'), ...readsWhen(needsMembersJson, 'membersWithRoles') })
  async members(@Root() team: Team, @Args() args: PageArgs, @Ctx() { loaders }: Context) {
    // a bad page argument is this field's error, before the level's batch (which every team shares) runs
    pageWindow(args, POSITION);
    const page = await loaders.membersOfTeams(args).load(team);
    return connection(TeamMemberConnection, page, async () => teamMembers(team).length);
  }

  @FieldResolver(() => KeyConnection, { description: 'Keys of this team (team_id) that the caller may see' })
  async keys(@Root() team: Team, @Args() args: PageArgs, @Ctx() { loaders }: Context) {
    const l = loaders.keysOfTeam(args);
    return connection(KeyConnection, await l.pages.load(team.id), () => l.counts.load(team.id));
  }
}

@Resolver(() => TeamMember)
export class TeamMemberResolver {
  @FieldResolver(() => User, { nullable: true, description: 'null when the member is not a known user (or not visible to the caller)' })
  @Extensions(fastPath((m: TeamMember) => (m.userRow !== undefined ? m.userRow : SLOW)))
  user(@Root() m: TeamMember, @Ctx() { loaders }: Context) {
    if (m.userRow !== undefined) return m.userRow;
    return m.userId ? loaders.user.load(m.userId) : null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "Spend in this team from the member's TeamMembership row; null without one, and unless the caller is this member or an admin of the team or its organization",
  })
  @Extensions(
    fastPath((m: TeamMember, { policy }) => {
      if (!m.userId || !policy.canSeeMemberSpend(m.teamId, m.teamOrganizationId, m.userId)) return null;
      return m.membership !== undefined ? (m.membership?.spend ?? null) : SLOW;
    }),
  )
  spend(@Root() m: TeamMember, @Ctx() { loaders, policy }: Context) {
    if (!m.userId || !policy.canSeeMemberSpend(m.teamId, m.teamOrganizationId, m.userId)) return null;
    if (m.membership !== undefined) return m.membership?.spend ?? null;
    return loaders.teamMembership.load({ userId: m.userId, teamId: m.teamId }).then((row) => (row ? row.spend : null));
  }

  @FieldResolver(() => Budget, { nullable: true, description: "The member's budget in this team; null unless the caller is this member or an admin of the team or its organization" })
  async budget(@Root() m: TeamMember, @Ctx() { loaders, policy }: Context) {
    if (!m.userId || !policy.canSeeMemberSpend(m.teamId, m.teamOrganizationId, m.userId)) return null;
    const row = m.membership !== undefined ? m.membership : await loaders.teamMembership.load({ userId: m.userId, teamId: m.teamId });
    return row?.budgetId ? loaders.budget.load(row.budgetId) : null;
  }

  @FieldResolver(() => Team, { nullable: true, description: 'The team of this membership' })
  team(@Root() m: TeamMember, @Ctx() { loaders }: Context) {
    return loaders.team.load(m.teamId);
  }
}
