import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('ModelAccessRequest', { description: "A user's request for access to more models, as the LiteLLM UI records it (LiteLLM_UserNotifications)" })
@Entity({ name: 'LiteLLM_UserNotifications' })
export class ModelAccessRequest {
  @Field(() => ID, { description: 'Request id (request_id)' })
  @PrimaryColumn({ name: 'request_id', type: 'text' })
  id: string;

  @Field(() => String, { description: 'user_id of the user asking' })
  @Column({ name: 'user_id', type: 'text' })
  userId: string;

  @Field(() => [String], { nullable: true, description: 'Models the user asks for' })
  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Field(() => String, { description: "The user's reason for the request" })
  @Column({ name: 'justification', type: 'text' })
  justification: string;

  @Field(() => String, { description: 'State of the request as LiteLLM stores it, e.g. pending, approved or rejected' })
  @Column({ name: 'status', type: 'text' })
  status: string;
}
