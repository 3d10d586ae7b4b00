import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { EndUser } from '../entities';
import { Context } from '../src/graphql/context';
import { EndUserService } from '../src/services/end-users';
import { CreateEndUserInput, UpdateEndUserInput } from './inputs/end-user.input';

@Resolver(() => EndUser)
export class EndUserMutationResolver {
  private service({ ds, policy, config }: Context) {
    return new EndUserService(ds, policy, config);
  }

  @Mutation(() => EndUser, { description: 'POST /customer/new: the customer row (spend 0) and, from the budget fields, its budget tier; proxy admins only' })
  createEndUser(@Arg('input', () => CreateEndUserInput, { description: 'The new customer' }) input: CreateEndUserInput, @Ctx() ctx: Context) {
    return this.service(ctx).create(input);
  }

  @Mutation(() => EndUser, { description: 'POST /customer/update: alias, blocked, region, default model and budget of a customer; proxy admins only' })
  updateEndUser(
    @Arg('id', () => ID, { description: 'Customer id (LiteLLM_EndUserTable.user_id)' }) id: string,
    @Arg('input', () => UpdateEndUserInput, { description: 'Fields to change; omitted fields stay' }) input: UpdateEndUserInput,
    @Ctx() ctx: Context,
  ) {
    return this.service(ctx).update(id, input);
  }

  @Mutation(() => [ID], { description: 'POST /customer/delete: deletes the customers (their budget tiers stay); NOT_FOUND and nothing deleted when any id is unknown; returns the deleted ids' })
  deleteEndUsers(@Arg('ids', () => [ID], { description: 'Customer ids to delete, 1 to 1000' }) ids: string[], @Ctx() ctx: Context) {
    return this.service(ctx).delete(ids);
  }

  @Mutation(() => [ID], { description: 'POST /customer/block: blocked = true, creating the customer row for an id never seen (as LiteLLM upserts); returns the ids' })
  blockEndUsers(@Arg('ids', () => [ID], { description: 'Customer ids to block, 1 to 1000' }) ids: string[], @Ctx() ctx: Context) {
    return this.service(ctx).block(ids);
  }

  @Mutation(() => [ID], { description: 'POST /customer/unblock: blocked = false on existing customers; NOT_FOUND and nothing changed when any id is unknown; returns the ids' })
  unblockEndUsers(@Arg('ids', () => [ID], { description: 'Customer ids to unblock, 1 to 1000' }) ids: string[], @Ctx() ctx: Context) {
    return this.service(ctx).unblock(ids);
  }
}
