import { Arg, Args, Ctx, Extensions, FieldResolver, Float, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { AccessGroup, Budget, Credential, ObjectPermission, Organization, Project, Tag, Team, User, VirtualKey } from '../entities';
import { connection } from '../src/graphql/connection';
import { Context } from '../src/graphql/context';
import { reads } from '../src/graphql/selection';
import { accessGroupList, credentialList } from '../src/reads/access';
import { projectList } from '../src/reads/projects';
import { tagList } from '../src/reads/tags';
import { AccessGroupFilter, CredentialFilter } from './inputs/access.input';
import { PageArgs } from './inputs/page.input';
import { ProjectFilter } from './inputs/project.input';
import { TagFilter } from './inputs/tag.input';
import { AccessGroupConnection, CredentialConnection, ProjectConnection, TagConnection } from './types/connections';

// Issue 16: tags, projects, object permissions, team model aliases, credentials (names and info) and access groups.

@Resolver(() => Tag)
export class TagResolver {
  @Query(() => TagConnection, {
    description: 'Request tags with budgets (LiteLLM_TagTable), by name: proxy admins and admin viewers every tag; others, as LiteLLM\'s /tag/list, the tags their own keys spent under',
  })
  async tags(@Args() args: PageArgs, @Arg('filter', () => TagFilter, { nullable: true, description: 'Narrow by tag names or budget tier' }) filter: TagFilter | null, @Ctx() { ds, policy, loaders }: Context) {
    const { page, count } = await tagList(ds, policy, loaders.wanted(Tag), args, filter);
    return connection(TagConnection, page, count);
  }

  @FieldResolver(() => Float, { nullable: true, description: "Spend in USD tracked on the tag in the current budget period, everyone's; null unless the caller is a proxy admin or admin viewer (usage gives others their own)" })
  @Extensions(reads('spend'))
  spend(@Root() t: Tag, @Ctx() { policy }: Context) {
    return policy.readsEverything ? t.spend : null;
  }

  @FieldResolver(() => Budget, { nullable: true, description: "The tag's budget tier (max budget, rate limits, reset period); null when none is linked" })
  @Extensions(reads('budgetId'))
  budget(@Root() t: Tag, @Ctx() { loaders }: Context) {
    return t.budgetId ? loaders.budget.load(t.budgetId) : null;
  }
}

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => ProjectConnection, {
    description: "Projects (LiteLLM_ProjectTable), by id: proxy admins and admin viewers all; others the projects of their teams and of their organizations' teams",
  })
  async projects(@Args() args: PageArgs, @Arg('filter', () => ProjectFilter, { nullable: true, description: 'Narrow by ids, team or alias' }) filter: ProjectFilter | null, @Ctx() { ds, policy, loaders }: Context) {
    const { page, count } = await projectList(ds, policy, loaders.wanted(Project), args, filter);
    return connection(ProjectConnection, page, count);
  }

  @FieldResolver(() => Team, { nullable: true, description: "The project's team; null when none or the caller may not see it" })
  @Extensions(reads('teamId'))
  team(@Root() p: Project, @Ctx() { loaders }: Context) {
    return p.teamId ? loaders.team.load(p.teamId) : null;
  }

  @FieldResolver(() => Budget, { nullable: true, description: "The project's budget tier; null when none is linked" })
  @Extensions(reads('budgetId'))
  budget(@Root() p: Project, @Ctx() { loaders }: Context) {
    return p.budgetId ? loaders.budget.load(p.budgetId) : null;
  }

  @FieldResolver(() => ObjectPermission, { nullable: true, description: 'MCP servers, toolsets, vector stores and agents the project may use; null when none is set' })
  @Extensions(reads('objectPermissionId'))
  objectPermission(@Root() p: Project, @Ctx() { loaders }: Context) {
    return p.objectPermissionId ? loaders.objectPermission.load(p.objectPermissionId) : null;
  }
}

const PERMISSION_DESCRIPTION = 'MCP servers, toolsets, vector stores, agents and search tools allowed (LiteLLM_ObjectPermissionTable); null when none is set';

@Resolver(() => VirtualKey)
export class KeyCoverageResolver {
  @FieldResolver(() => Project, { nullable: true, description: "The key's project; null when none or the caller may not see it" })
  @Extensions(reads('projectId'))
  project(@Root() k: VirtualKey, @Ctx() { loaders }: Context) {
    return k.projectId ? loaders.project.load(k.projectId) : null;
  }

  @FieldResolver(() => ObjectPermission, { nullable: true, description: PERMISSION_DESCRIPTION })
  @Extensions(reads('objectPermissionId'))
  objectPermission(@Root() k: VirtualKey, @Ctx() { loaders }: Context) {
    return k.objectPermissionId ? loaders.objectPermission.load(k.objectPermissionId) : null;
  }
}

@Resolver(() => Team)
export class TeamCoverageResolver {
  @FieldResolver(() => ObjectPermission, { nullable: true, description: PERMISSION_DESCRIPTION })
  @Extensions(reads('objectPermissionId'))
  objectPermission(@Root() t: Team, @Ctx() { loaders }: Context) {
    return t.objectPermissionId ? loaders.objectPermission.load(t.objectPermissionId) : null;
  }

  @FieldResolver(() => GraphQLJSON, { nullable: true, description: "The team's model aliases as JSON {alias: model} (LiteLLM_ModelTable by model_id); null when the team has none" })
  @Extensions(reads('modelId'))
  modelAliases(@Root() t: Team, @Ctx() { loaders }: Context) {
    return t.modelId != null ? loaders.modelAliases.load(t.modelId) : null;
  }
}

@Resolver(() => User)
export class UserCoverageResolver {
  @FieldResolver(() => ObjectPermission, { nullable: true, description: PERMISSION_DESCRIPTION })
  @Extensions(reads('objectPermissionId'))
  objectPermission(@Root() u: User, @Ctx() { loaders }: Context) {
    return u.objectPermissionId ? loaders.objectPermission.load(u.objectPermissionId) : null;
  }
}

@Resolver(() => Organization)
export class OrganizationCoverageResolver {
  @FieldResolver(() => ObjectPermission, { nullable: true, description: PERMISSION_DESCRIPTION })
  @Extensions(reads('objectPermissionId'))
  objectPermission(@Root() o: Organization, @Ctx() { loaders }: Context) {
    return o.objectPermissionId ? loaders.objectPermission.load(o.objectPermissionId) : null;
  }
}

@Resolver(() => Credential)
export class CredentialResolver {
  @Query(() => CredentialConnection, { description: 'Named provider credentials (LiteLLM_CredentialsTable), by id: names and info only, never the values; proxy admins and admin viewers' })
  async credentials(@Args() args: PageArgs, @Arg('filter', () => CredentialFilter, { nullable: true, description: 'Narrow by name' }) filter: CredentialFilter | null, @Ctx() { ds, policy, loaders }: Context) {
    policy.requireReadAll('credentials');
    const { page, count } = await credentialList(ds, loaders.wanted(Credential), args, filter);
    return connection(CredentialConnection, page, count);
  }
}

@Resolver(() => AccessGroup)
export class AccessGroupResolver {
  @Query(() => AccessGroupConnection, { description: 'Access groups (LiteLLM_AccessGroupTable), by id; proxy admins and admin viewers, as in LiteLLM\'s UI' })
  async accessGroups(@Args() args: PageArgs, @Arg('filter', () => AccessGroupFilter, { nullable: true, description: 'Narrow by ids or name' }) filter: AccessGroupFilter | null, @Ctx() { ds, policy, loaders }: Context) {
    policy.requireReadAll('access groups');
    const { page, count } = await accessGroupList(ds, loaders.wanted(AccessGroup), args, filter);
    return connection(AccessGroupConnection, page, count);
  }
}
