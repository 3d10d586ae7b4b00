import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_PolicyTable_policy_name_version_number_key', ['policyName', 'versionNumber'], { unique: true })
@Index('LiteLLM_PolicyTable_policy_name_version_status_idx', ['policyName', 'versionStatus'])
@Entity({ name: 'LiteLLM_PolicyTable' })
export class Policy {
  @PrimaryColumn({ name: 'policy_id', type: 'text' })
  policyId: string;

  @Column({ name: 'policy_name', type: 'text' })
  policyName: string;

  @Column({ name: 'inherit', type: 'text', nullable: true })
  inherit: string | null;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'guardrails_add', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  guardrailsAdd: string[] | null;

  @Column({ name: 'guardrails_remove', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  guardrailsRemove: string[] | null;

  @Column({ name: 'condition', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  condition: any | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'version_number', type: 'integer', default: () => "1" })
  versionNumber: number;

  @Column({ name: 'version_status', type: 'text', default: () => "'production'::text" })
  versionStatus: string;

  @Column({ name: 'parent_version_id', type: 'text', nullable: true })
  parentVersionId: string | null;

  @Column({ name: 'is_latest', type: 'boolean', default: () => "true" })
  isLatest: boolean;

  @Column({ name: 'published_at', type: 'timestamp', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'production_at', type: 'timestamp', precision: 3, nullable: true })
  productionAt: Date | null;

  @Column({ name: 'pipeline', type: 'jsonb', nullable: true })
  pipeline: any | null;
}
