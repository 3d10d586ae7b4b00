import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { User } from './user.entity';

@ObjectType('Invitation', { description: 'An invite link for a user to sign in to the LiteLLM UI (LiteLLM_InvitationLink)' })
@Entity({ name: 'LiteLLM_InvitationLink' })
export class Invitation {
  @Field(() => ID, { description: 'Invitation id, the token in the invite link' })
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Field(() => String, { description: 'user_id of the invited user' })
  @Column({ name: 'user_id', type: 'text' })
  userId: string;

  @Field(() => Boolean, { description: 'Whether the invited user has used the link' })
  @Column({ name: 'is_accepted', type: 'boolean', default: () => "false" })
  isAccepted: boolean;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the link was used (UTC); null while pending' })
  @Column({ name: 'accepted_at', type: 'timestamp', precision: 3, nullable: true })
  acceptedAt: Date | null;

  @Field(() => DateTimeResolver, { description: 'When the link stops working (UTC)' })
  @Column({ name: 'expires_at', type: 'timestamp', precision: 3 })
  expiresAt: Date;

  @Field(() => DateTimeResolver, { description: 'When the invitation was created (UTC)' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3 })
  createdAt: Date;

  @Field(() => String, { description: 'user_id of the caller who created the invitation' })
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field(() => DateTimeResolver, { description: 'When the invitation was last changed (UTC)' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;

  @Field(() => String, { description: 'user_id of the caller who last changed the invitation' })
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'created_by', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_InvitationLink_created_by_fkey' })
  createdByUser?: Relation<User>;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'updated_by', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_InvitationLink_updated_by_fkey' })
  updatedByUser?: Relation<User>;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_InvitationLink_user_id_fkey' })
  user?: Relation<User>;
}
