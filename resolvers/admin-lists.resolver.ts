import { Arg, Args, Ctx, Extensions, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Budget, EndUser, Invitation, Model, ModelAccessRequest, User } from '../entities';
import { GraphQLJSON } from 'graphql-scalars';
import { connection } from '../src/graphql/connection';
import { Context } from '../src/graphql/context';
import { reads } from '../src/graphql/selection';
import { publicLitellmParams } from '../src/graphql/secrets';
import { budgetList } from '../src/reads/budgets';
import { endUserList } from '../src/reads/end-users';
import { invitationList } from '../src/reads/invitations';
import { modelAccessRequestList, modelList } from '../src/reads/models';
import { PageArgs } from './inputs/page.input';
import { BudgetConnection, EndUserConnection, InvitationConnection, ModelAccessRequestConnection, ModelConnection } from './types/connections';


@Resolver(() => EndUser)
export class EndUserResolver {
  @Query(() => EndUserConnection, { description: 'All end users (customers), ordered by id; proxy admins and admin viewers only' })
  async endUsers(@Args() args: PageArgs, @Ctx() { ds, policy, loaders }: Context) {
    policy.requireReadAll('end users');
    const { page, count } = await endUserList(ds, loaders.wanted(EndUser), args);
    return connection(EndUserConnection, page, count);
  }

  @Query(() => EndUser, { nullable: true, description: 'An end user by customer id; proxy admins and admin viewers only; null when none has this id' })
  endUser(@Arg('id', () => ID, { description: 'Customer id (LiteLLM_EndUserTable.user_id)' }) id: string, @Ctx() { loaders, policy }: Context) {
    policy.requireReadAll('end users');
    return loaders.endUser.load(id);
  }

  @FieldResolver(() => Budget, { nullable: true, description: "The budget tier with this customer's limits; null when none is linked" })
  @Extensions(reads('budgetId'))
  budget(@Root() e: EndUser, @Ctx() { loaders }: Context) {
    return e.budgetId ? loaders.budget.load(e.budgetId) : null;
  }
}

@Resolver(() => Budget)
export class BudgetQueryResolver {
  @Query(() => BudgetConnection, { description: 'All budget tiers (LiteLLM_BudgetTable); proxy admins and admin viewers only' })
  async budgets(@Args() args: PageArgs, @Ctx() { ds, policy, loaders }: Context) {
    policy.requireReadAll('budgets');
    const { page, count } = await budgetList(ds, loaders.wanted(Budget), args);
    return connection(BudgetConnection, page, count);
  }

  @Query(() => Budget, { nullable: true, description: 'A budget tier: admins read all; others the tiers of keys and memberships they may see (null otherwise)' })
  budget(@Arg('id', () => ID, { description: 'Tier id (budget_id)' }) id: string, @Ctx() { loaders }: Context) {
    return loaders.budget.load(id);
  }
}

@Resolver(() => Model)
export class ModelResolver {
  @Query(() => ModelConnection, { description: 'Models stored in the database (STORE_MODEL_IN_DB)' })
  async models(@Args() args: PageArgs, @Ctx() { ds, loaders }: Context) {
    const { page, count } = await modelList(ds, loaders.wanted(Model), args);
    return connection(ModelConnection, page, count);
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description: 'The known non-secret litellm_params (model, api_base without user info or query, limits, timeouts, region, prices); nothing else',
  })
  @Extensions(reads('litellmParams'))
  litellmParams(@Root() m: Model) {
    return publicLitellmParams(m.litellmParams);
  }
}

@Resolver(() => Invitation)
export class InvitationResolver {
  @Query(() => InvitationConnection, { description: 'Invite links (LiteLLM_InvitationLink); proxy admins and admin viewers only' })
  async invitations(@Args() args: PageArgs, @Ctx() { ds, policy, loaders }: Context) {
    policy.requireReadAll('invitations');
    const { page, count } = await invitationList(ds, loaders.wanted(Invitation), args);
    return connection(InvitationConnection, page, count);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The invited user; null when the caller may not see them' })
  @Extensions(reads('userId'))
  user(@Root() i: Invitation, @Ctx() { loaders }: Context) {
    return loaders.user.load(i.userId);
  }
}

@Resolver(() => ModelAccessRequest)
export class ModelAccessRequestResolver {
  @Query(() => ModelAccessRequestConnection, { description: "Admins see all requests; other callers their own" })
  async modelAccessRequests(@Args() args: PageArgs, @Ctx() { ds, policy, loaders }: Context) {
    const { page, count } = await modelAccessRequestList(ds, policy, loaders.wanted(ModelAccessRequest), args);
    return connection(ModelAccessRequestConnection, page, count);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The user who asked; null when the caller may not see them' })
  @Extensions(reads('userId'))
  user(@Root() r: ModelAccessRequest, @Ctx() { loaders }: Context) {
    return loaders.user.load(r.userId);
  }
}
