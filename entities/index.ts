import { Budget } from './budget.entity';
import { ObjectPermission } from './object-permission.entity';
import { Organization } from './organization.entity';
import { TeamModelAliases } from './team-model-aliases.entity';
import { Team } from './team.entity';
import { User } from './user.entity';
import { EndUser } from './end-user.entity';
import { TeamMembership } from './team-membership.entity';
import { OrganizationMember } from './organization-member.entity';
import { Invitation } from './invitation.entity';
import { ModelAccessRequest } from './model-access-request.entity';
import { Project } from './project.entity';
import { VirtualKey } from './virtual-key.entity';
import { Model } from './model.entity';
import { SpendLog } from './spend-log.entity';
import { ErrorLog } from './error-log.entity';
import { AuditLogEntry } from './audit-log-entry.entity';
import { Tag } from './tag.entity';
import { DailyUserSpend } from './daily-user-spend.entity';
import { DailyTeamSpend } from './daily-team-spend.entity';
import { DailyOrganizationSpend } from './daily-organization-spend.entity';
import { DailyEndUserSpend } from './daily-end-user-spend.entity';
import { DailyTagSpend } from './daily-tag-spend.entity';
import { DeletedVirtualKey } from './deleted-virtual-key.entity';
import { DeletedTeam } from './deleted-team.entity';
import { DeprecatedVirtualKey } from './deprecated-virtual-key.entity';

export {
  Budget,
  ObjectPermission,
  Organization,
  TeamModelAliases,
  Team,
  User,
  EndUser,
  TeamMembership,
  OrganizationMember,
  Invitation,
  ModelAccessRequest,
  Project,
  VirtualKey,
  Model,
  SpendLog,
  ErrorLog,
  AuditLogEntry,
  Tag,
  DailyUserSpend,
  DailyTeamSpend,
  DailyOrganizationSpend,
  DailyEndUserSpend,
  DailyTagSpend,
  DeletedVirtualKey,
  DeletedTeam,
  DeprecatedVirtualKey,
};

export const ENTITIES = [
  Budget,
  ObjectPermission,
  Organization,
  TeamModelAliases,
  Team,
  User,
  EndUser,
  TeamMembership,
  OrganizationMember,
  Invitation,
  ModelAccessRequest,
  Project,
  VirtualKey,
  Model,
  SpendLog,
  ErrorLog,
  AuditLogEntry,
  Tag,
  DailyUserSpend,
  DailyTeamSpend,
  DailyOrganizationSpend,
  DailyEndUserSpend,
  DailyTagSpend,
  DeletedVirtualKey,
  DeletedTeam,
  DeprecatedVirtualKey,
];
