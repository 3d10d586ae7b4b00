import { Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { User, VirtualKey } from '../entities';
import { Context } from '../src/graphql/context';

@ObjectType('ViewerTeamRole')
class ViewerTeamRole {
  @Field()
  teamId: string;

  @Field()
  role: string;
}

@ObjectType('ViewerOrganizationRole')
class ViewerOrganizationRole {
  @Field()
  organizationId: string;

  @Field()
  role: string;
}

@ObjectType('Viewer', { description: 'Who is calling: the master key or a virtual key and its owner' })
export class Viewer {
  @Field({ description: 'proxy_admin, proxy_admin_viewer, internal_user or internal_user_viewer' })
  role: string;

  @Field()
  isMasterKey: boolean;

  @Field(() => [ViewerTeamRole])
  teamRoles: ViewerTeamRole[];

  @Field(() => [ViewerOrganizationRole])
  organizationRoles: ViewerOrganizationRole[];

  userId: string | null;
  keyToken: string | null;
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer)
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

  @FieldResolver(() => User, { nullable: true })
  user(@Root() v: Viewer, @Ctx() { loaders }: Context) {
    return v.userId ? loaders.user.load(v.userId) : null;
  }

  @FieldResolver(() => VirtualKey, { nullable: true })
  key(@Root() v: Viewer, @Ctx() { loaders }: Context) {
    return v.keyToken ? loaders.key.load(v.keyToken) : null;
  }
}
