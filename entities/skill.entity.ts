import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'LiteLLM_SkillsTable' })
export class Skill {
  @PrimaryColumn({ name: 'skill_id', type: 'text' })
  skillId: string;

  @Column({ name: 'display_title', type: 'text', nullable: true })
  displayTitle: string | null;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'instructions', type: 'text', nullable: true })
  instructions: string | null;

  @Column({ name: 'source', type: 'text', default: () => "'custom'::text" })
  source: string;

  @Column({ name: 'latest_version', type: 'text', nullable: true })
  latestVersion: string | null;

  @Column({ name: 'file_content', type: 'bytea', nullable: true })
  fileContent: Buffer | null;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName: string | null;

  @Column({ name: 'file_type', type: 'text', nullable: true })
  fileType: string | null;

  @Column({ name: 'metadata', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  metadata: any | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;
}
