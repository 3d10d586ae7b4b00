import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'LiteLLM_PolicyAttachmentTable' })
export class PolicyAttachment {
  @PrimaryColumn({ name: 'attachment_id', type: 'text' })
  attachmentId: string;

  @Column({ name: 'policy_name', type: 'text' })
  policyName: string;

  @Column({ name: 'scope', type: 'text', nullable: true })
  scope: string | null;

  @Column({ name: 'teams', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  teams: string[] | null;

  @Column({ name: 'keys', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  keys: string[] | null;

  @Column({ name: 'models', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  models: string[] | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'tags', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  tags: string[] | null;
}
