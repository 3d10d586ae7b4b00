import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'LiteLLM_Config' })
export class ConfigParam {
  @PrimaryColumn({ name: 'param_name', type: 'text' })
  paramName: string;

  @Column({ name: 'param_value', type: 'jsonb', nullable: true })
  paramValue: any | null;
}
