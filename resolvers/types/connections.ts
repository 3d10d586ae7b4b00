import { Budget, DeletedTeam, DeletedVirtualKey, EndUser, Invitation, Model, ModelAccessRequest, Organization, OrganizationMember, Team, User, VirtualKey } from '../../entities';
import { Connection } from '../../src/graphql/connection';
import { TeamMember } from './team-member.type';

export const OrganizationConnection = Connection(Organization, 'Organization');
export const OrganizationMemberConnection = Connection(OrganizationMember, 'OrganizationMember');
export const TeamConnection = Connection(Team, 'Team');
export const TeamMemberConnection = Connection(TeamMember, 'TeamMember');
export const UserConnection = Connection(User, 'User');
export const EndUserConnection = Connection(EndUser, 'EndUser');
export const KeyConnection = Connection(VirtualKey, 'Key');
export const BudgetConnection = Connection(Budget, 'Budget');
export const ModelConnection = Connection(Model, 'Model');
export const InvitationConnection = Connection(Invitation, 'Invitation');
export const ModelAccessRequestConnection = Connection(ModelAccessRequest, 'ModelAccessRequest');
export const DeletedKeyConnection = Connection(DeletedVirtualKey, 'DeletedKey');
export const DeletedTeamConnection = Connection(DeletedTeam, 'DeletedTeam');
