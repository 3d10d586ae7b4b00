import { Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { User, VirtualKey } from '../entities';
import { Context } from '../src/graphql/context';

@ObjectType('ViewerTeamRole', { description: "The caller's role in one team, from members_with_roles" })
class ViewerTeamRole {
  @Field({ description: 'team_id of the team' })
  teamId: string;

  @Field({ description: 'admin or user' })
  role: string;
}

@ObjectType('ViewerOrganizationRole', { description: "The caller's role in one organization (LiteLLM_OrganizationMembership)" })
class ViewerOrganizationRole {
  @Field({ description: 'organization_id of the organization' })
  organizationId: string;

  @Field({ description: 'org_admin, internal_user or internal_user_viewer' })
  role: string;
}

@ObjectType('Viewer', { description: 'Who is calling: the master key or a virtual key and its owner' })
export class Viewer {
  @Field({ description: 'proxy_admin, proxy_admin_viewer, internal_user or internal_user_viewer' })
  role: string;

  @Field({ description: "True when the caller authenticated with the proxy's master key" })
  isMasterKey: boolean;

  @Field(() => [ViewerTeamRole], { description: "The caller's role in each team they belong to" })
  teamRoles: ViewerTeamRole[];

  @Field(() => [ViewerOrganizationRole], { description: "The caller's role in each organization they belong to" })
  organizationRoles: ViewerOrganizationRole[];

  userId: string | null;
  keyToken: string | null;
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: 'Who is calling: role, user, key and memberships' })
  viewer(@Ctx() { policy }: Context): Viewer {
    const p = policy.caller;
    return Object.assign(new Viewer(), {
      role: p.role,
      isMasterKey: p.isMasterKey,
      userId: p.userId,
      keyToken: p.keyToken,
      teamRoles: [...p.teamRoles].map(([teamId, role]) => Object.assign(new ViewerTeamRole(), { teamId, role })),
      organizationRoles: [...p.orgRoles].map(([organizationId, role]) => Object.assign(new ViewerOrganizationRole(), { organizationId, role })),
    });
  }

  @FieldResolver(() => User, { nullable: true, description: "The caller's user; null for the master key or a key without owner" })
  user(@Root() v: Viewer, @Ctx() { loaders }: Context) {
    return v.userId ? loaders.user.load(v.userId) : null;
  }

  @FieldResolver(() => VirtualKey, { nullable: true, description: 'The calling virtual key; null for the master key' })
  key(@Root() v: Viewer, @Ctx() { loaders }: Context) {
    return v.keyToken ? loaders.key.load(v.keyToken) : null;
  }
}
