import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { User } from './user.entity';

@ObjectType('Invitation')
@Entity({ name: 'LiteLLM_InvitationLink' })
export class Invitation {
  @Field(() => ID)
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Field(() => String)
  @Column({ name: 'user_id', type: 'text' })
  userId: string;

  @Field(() => Boolean)
  @Column({ name: 'is_accepted', type: 'boolean', default: () => "false" })
  isAccepted: boolean;

  @Field(() => DateTimeResolver, { nullable: true })
  @Column({ name: 'accepted_at', type: 'timestamp', precision: 3, nullable: true })
  acceptedAt: Date | null;

  @Field(() => DateTimeResolver)
  @Column({ name: 'expires_at', type: 'timestamp', precision: 3 })
  expiresAt: Date;

  @Field(() => DateTimeResolver)
  @Column({ name: 'created_at', type: 'timestamp', precision: 3 })
  createdAt: Date;

  @Field(() => String)
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field(() => DateTimeResolver)
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;

  @Field(() => String)
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
