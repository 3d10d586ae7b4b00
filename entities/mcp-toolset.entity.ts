import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';

@ObjectType('McpToolset', { description: 'A named set of MCP tools across servers (LiteLLM_MCPToolsetTable)' })
@Index('LiteLLM_MCPToolsetTable_toolset_name_key', ['toolsetName'], { unique: true })
@Entity({ name: 'LiteLLM_MCPToolsetTable' })
export class McpToolset {
  @Field(() => ID, { description: 'Toolset id' })
  @PrimaryColumn({ name: 'toolset_id', type: 'text' })
  toolsetId: string;

  @Field(() => String, { description: 'Unique toolset name' })
  @Column({ name: 'toolset_name', type: 'text' })
  toolsetName: string;

  @Field(() => String, { nullable: true, description: 'Description' })
  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Field(() => GraphQLJSON, { description: 'The tools: server and tool names' })
  @Column({ name: 'tools', type: 'jsonb', default: () => "'[]'::jsonb" })
  tools: any;

  @Field(() => DateTimeResolver, { description: 'When it was made' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => String, { nullable: true, description: 'Who made it' })
  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Field(() => DateTimeResolver, { description: 'Last change' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Field(() => String, { nullable: true, description: 'Who changed it last' })
  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;
}
