// Maintenance tool, not part of the product: bootstraps entities/ and the base migration from
// LiteLLM's schema dump (columns.tsv, constraints.tsv). The generated files are committed and
// hand-edited afterwards; run it only to start a new baseline, then review the diff.
// Usage: node scripts/generate-litellm-schema.mjs ../shared/litellm
import fs from 'node:fs';
import path from 'node:path';

const src = process.argv[2] ?? '../shared/litellm';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

// table → class, file, GraphQL exposure, property renames, secret columns (no @Field)
const TABLES = {
  LiteLLM_BudgetTable: { cls: 'Budget', file: 'budget', gql: true, rename: { budget_id: 'id' } },
  LiteLLM_ObjectPermissionTable: { cls: 'ObjectPermission', file: 'object-permission' },
  LiteLLM_OrganizationTable: {
    cls: 'Organization', file: 'organization', gql: true,
    rename: { organization_id: 'id', organization_alias: 'alias' },
  },
  LiteLLM_ModelTable: { cls: 'TeamModelAliases', file: 'team-model-aliases' },
  LiteLLM_TeamTable: { cls: 'Team', file: 'team', gql: true, rename: { team_id: 'id', team_alias: 'alias', admins: 'legacyAdmins', members: 'legacyMembers' } },
  LiteLLM_UserTable: {
    cls: 'User', file: 'user', gql: true,
    rename: { user_id: 'id', user_alias: 'alias', user_email: 'email', user_role: 'role', teams: 'teamIds' },
    secret: ['password'],
  },
  LiteLLM_EndUserTable: { cls: 'EndUser', file: 'end-user', gql: true, rename: { user_id: 'id' } },
  LiteLLM_TeamMembership: { cls: 'TeamMembership', file: 'team-membership' },
  LiteLLM_OrganizationMembership: {
    cls: 'OrganizationMember', file: 'organization-member', gql: true, rename: { user_role: 'role' },
  },
  LiteLLM_InvitationLink: { cls: 'Invitation', file: 'invitation', gql: true },
  LiteLLM_UserNotifications: { cls: 'ModelAccessRequest', file: 'model-access-request', gql: true, rename: { request_id: 'id' } },
  LiteLLM_ProjectTable: { cls: 'Project', file: 'project' },
  LiteLLM_VerificationToken: { cls: 'VirtualKey', file: 'virtual-key', gql: true },
  LiteLLM_ProxyModelTable: { cls: 'Model', file: 'model', gql: true, rename: { model_id: 'id' }, secret: ['litellm_params'] },
  LiteLLM_SpendLogs: { cls: 'SpendLog', file: 'spend-log', gql: true },
  LiteLLM_ErrorLogs: { cls: 'ErrorLog', file: 'error-log', gql: true },
  LiteLLM_AuditLog: { cls: 'AuditLogEntry', file: 'audit-log-entry', gql: true },
  LiteLLM_TagTable: { cls: 'Tag', file: 'tag' },
  LiteLLM_DailyUserSpend: { cls: 'DailyUserSpend', file: 'daily-user-spend' },
  LiteLLM_DailyTeamSpend: { cls: 'DailyTeamSpend', file: 'daily-team-spend' },
  LiteLLM_DailyOrganizationSpend: { cls: 'DailyOrganizationSpend', file: 'daily-organization-spend' },
  LiteLLM_DailyEndUserSpend: { cls: 'DailyEndUserSpend', file: 'daily-end-user-spend' },
  LiteLLM_DailyTagSpend: { cls: 'DailyTagSpend', file: 'daily-tag-spend' },
  LiteLLM_DeletedVerificationToken: { cls: 'DeletedVirtualKey', file: 'deleted-virtual-key' },
  LiteLLM_DeletedTeamTable: { cls: 'DeletedTeam', file: 'deleted-team' },
  LiteLLM_DeprecatedVerificationToken: { cls: 'DeprecatedVirtualKey', file: 'deprecated-virtual-key' },
};

const tsv = (f) => {
  const [head, ...rows] = fs.readFileSync(path.join(src, f), 'utf8').trimEnd().split('\n');
  const cols = head.split('\t');
  return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i], v ?? ''])));
};
const columns = tsv('columns.tsv').filter((c) => TABLES[c.table_name]);
const constraints = tsv('constraints.tsv').filter((c) => TABLES[c.table_name]);

const SQL_TYPE = { text: 'TEXT', _text: 'TEXT[]', bool: 'BOOLEAN', float8: 'DOUBLE PRECISION', int4: 'INTEGER', int8: 'BIGINT', jsonb: 'JSONB', timestamp: 'TIMESTAMP(3)' };
const ORM_TYPE = { text: 'text', _text: 'text', bool: 'boolean', float8: 'double precision', int4: 'integer', int8: 'bigint', jsonb: 'jsonb', timestamp: 'timestamp' };
const TS_TYPE = { text: 'string', _text: 'string[]', bool: 'boolean', float8: 'number', int4: 'number', int8: 'number', jsonb: 'any', timestamp: 'Date' };
const GQL_TYPE = { text: 'String', _text: '[String]', bool: 'Boolean', float8: 'Float', int4: 'Int', int8: 'SafeIntResolver', jsonb: 'GraphQLJSON', timestamp: 'DateTimeResolver' };

const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const q = (s) => `"${s}"`;
const byTable = (t) => columns.filter((c) => c.table_name === t);
const pkOf = (t) => constraints.find((c) => c.table_name === t && c.kind === 'PRIMARY KEY');
const fksOf = (t) => constraints.filter((c) => c.table_name === t && c.kind === 'FOREIGN KEY' && TABLES[c.referenced_table]);
const propOf = (t, col) => TABLES[t].rename?.[col] ?? camel(col);
const relName = (col) => (col.endsWith('_id') ? camel(col.slice(0, -3)) : `${camel(col)}User`);

// ---- migration
const up = [];
for (const t of Object.keys(TABLES)) {
  const pk = pkOf(t);
  const lines = byTable(t).map((c) => {
    const serial = c.column_default.startsWith('nextval(');
    let s = `  ${q(c.column_name)} ${serial ? 'SERIAL' : SQL_TYPE[c.data_type]}`;
    if (c.is_nullable === 'NO') s += ' NOT NULL';
    if (c.column_default && !serial) s += ` DEFAULT ${c.column_default}`;
    return s;
  });
  lines.push(`  CONSTRAINT ${q(pk.name)} PRIMARY KEY (${pk.columns.split(',').map(q).join(', ')})`);
  up.push(`CREATE TABLE ${q(t)} (\n${lines.join(',\n')}\n)`);
}
for (const c of constraints) {
  if (c.kind === 'INDEX' && !c.name.endsWith('_pkey')) up.push(c.definition.replace(' ON public.', ' ON '));
}
for (const t of Object.keys(TABLES)) {
  for (const fk of fksOf(t)) {
    up.push(
      `ALTER TABLE ${q(t)} ADD CONSTRAINT ${q(fk.name)} FOREIGN KEY (${q(fk.columns)}) REFERENCES ${q(fk.referenced_table)}(${q(fk.referenced_columns)}) ON DELETE ${fk.on_delete} ON UPDATE ${fk.on_update}`,
    );
  }
}
const migration = `import { MigrationInterface, QueryRunner } from 'typeorm';

// LiteLLM's schema (mid-2026) for the tables the gateway maps: types, defaults, keys and index names as
// LiteLLM's own Prisma migrations create them.
export class LiteLLMSchema1764000000000 implements MigrationInterface {
  name = 'LiteLLMSchema1764000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES.slice().reverse()) await queryRunner.query(\`DROP TABLE IF EXISTS "\${table}" CASCADE\`);
  }
}

const TABLES = ${JSON.stringify(Object.keys(TABLES), null, 2).replace(/"/g, "'")};

const UP: string[] = [
${up.map((s) => '  `' + s.replace(/`/g, '\\`') + '`').join(',\n')},
];
`;
fs.mkdirSync(path.join(root, 'migrations'), { recursive: true });
fs.writeFileSync(path.join(root, 'migrations/1764000000000-litellm-schema.ts'), migration);

// ---- entities
fs.mkdirSync(path.join(root, 'entities'), { recursive: true });
for (const [t, spec] of Object.entries(TABLES)) {
  const pk = pkOf(t).columns.split(',');
  const fks = fksOf(t);
  const ormImports = new Set(['Entity', 'Column']);
  const gqlImports = new Set();
  const scalarImports = new Set();
  const entityImports = new Set();
  const body = [];
  for (const c of byTable(t)) {
    const prop = propOf(t, c.column_name);
    const nullable = c.is_nullable === 'YES';
    const isPk = pk.includes(c.column_name);
    const serial = c.column_default.startsWith('nextval(');
    const opts = [`name: '${c.column_name}'`, `type: '${ORM_TYPE[c.data_type]}'`];
    if (c.data_type === '_text') opts.push('array: true');
    if (c.data_type === 'timestamp') opts.push('precision: 3');
    if (nullable) opts.push('nullable: true');
    if (c.column_default && !serial) opts.push(`default: () => ${JSON.stringify(c.column_default)}`);
    const deco = [];
    if (spec.gql && !(spec.secret ?? []).includes(c.column_name)) {
      let g = GQL_TYPE[c.data_type];
      if (prop === 'id' || (isPk && pk.length === 1)) g = 'ID';
      if (g === 'ID') gqlImports.add('ID');
      if (g === 'Int') gqlImports.add('Int');
      if (g === 'Float') gqlImports.add('Float');
      if (g.endsWith('Resolver')) scalarImports.add(g);
      if (g === 'GraphQLJSON') scalarImports.add('GraphQLJSON');
      gqlImports.add('Field');
      const list = g.startsWith('[');
      const inner = list ? g.slice(1, -1) : g;
      deco.push(`  @Field(() => ${list ? `[${inner}]` : inner}${nullable ? ', { nullable: true }' : ''})`);
    }
    if (serial) {
      ormImports.add('PrimaryGeneratedColumn');
      deco.push(`  @PrimaryGeneratedColumn({ name: '${c.column_name}', type: 'integer' })`);
    } else if (isPk) {
      ormImports.add('PrimaryColumn');
      deco.push(`  @PrimaryColumn({ ${opts.filter((o) => !o.startsWith('nullable')).join(', ')} })`);
    } else {
      deco.push(`  @Column({ ${opts.join(', ')} })`);
    }
    body.push(`${deco.join('\n')}\n  ${prop}: ${TS_TYPE[c.data_type]}${nullable ? ' | null' : ''};`);
  }
  for (const fk of fks) {
    const target = TABLES[fk.referenced_table];
    ormImports.add('ManyToOne');
    ormImports.add('JoinColumn');
    ormImports.add('Relation');
    if (target.cls !== spec.cls) entityImports.add(`import { ${target.cls} } from './${target.file}.entity';`);
    const nullable = byTable(t).find((c) => c.column_name === fk.columns).is_nullable === 'YES';
    body.push(
      `  @ManyToOne(() => ${target.cls}, { onDelete: '${fk.on_delete}', onUpdate: '${fk.on_update}'${nullable ? '' : ', nullable: false'} })\n` +
        `  @JoinColumn({ name: '${fk.columns}', referencedColumnName: '${propOf(fk.referenced_table, fk.referenced_columns)}', foreignKeyConstraintName: '${fk.name}' })\n` +
        `  ${relName(fk.columns)}?: Relation<${target.cls}>${nullable ? ' | null' : ''};`,
    );
  }
  const head = [];
  head.push(`import { ${[...ormImports].sort().join(', ')} } from 'typeorm';`);
  if (spec.gql) {
    gqlImports.add('ObjectType');
    head.push(`import { ${[...gqlImports].sort().join(', ')} } from 'type-graphql';`);
    if (scalarImports.size) head.push(`import { ${[...scalarImports].sort().join(', ')} } from 'graphql-scalars';`);
  }
  head.push(...[...entityImports].sort());
  const out = `${head.join('\n')}

${spec.gql ? `@ObjectType('${spec.cls}')\n` : ''}@Entity({ name: '${t}' })
export class ${spec.cls} {
${body.join('\n\n')}
}
`;
  fs.writeFileSync(path.join(root, `entities/${spec.file}.entity.ts`), out);
}
fs.writeFileSync(
  path.join(root, 'entities/index.ts'),
  Object.values(TABLES).map((s) => `import { ${s.cls} } from './${s.file}.entity';`).join('\n') +
    `\n\nexport {\n${Object.values(TABLES).map((s) => `  ${s.cls},`).join('\n')}\n};\n\nexport const ENTITIES = [\n${Object.values(TABLES).map((s) => `  ${s.cls},`).join('\n')}\n];\n`,
);
console.log(`wrote ${Object.keys(TABLES).length} entities and the base migration`);
