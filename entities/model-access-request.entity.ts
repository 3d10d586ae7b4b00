import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('ModelAccessRequest')
@Entity({ name: 'LiteLLM_UserNotifications' })
export class ModelAccessRequest {
  @Field(() => ID)
  @PrimaryColumn({ name: 'request_id', type: 'text' })
  id: string;

  @Field(() => String)
  @Column({ name: 'user_id', type: 'text' })
  userId: string;

  @Field(() => [String], { nullable: true })
  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Field(() => String)
  @Column({ name: 'justification', type: 'text' })
  justification: string;

  @Field(() => String)
  @Column({ name: 'status', type: 'text' })
  status: string;
}
