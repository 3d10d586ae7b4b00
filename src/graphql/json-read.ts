import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLField,
  GraphQLObjectType,
  GraphQLSchema,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { Organization, Team, User, VirtualKey } from '../../entities';
import { Policy } from '../auth/policy';
import { Params } from '../db/sql';
import { cursorShape, pageWindow, PageWindow, POSITION } from '../paging';
import { PageInfoPart, PagePart, textObject } from '../paging/json';
import { isReportValue, planReport, ReportInput, reportRowsJson } from '../services/spend-report';
import { KeyOrderName, keyListSpec, keysOf } from '../reads/keys';
import { childrenJson, isUsageValue, jsonLiteral, jsonObject, JsonRow, jsonStatement, listJson, usageJson } from '../reads/json';
import { UsageEntity, USAGE_SOURCES } from '../loaders/usage';
import { checkWindow } from '../services/date-window';
import { JsonMember, memberPageJson } from '../reads/members';
import { organizationListSpec } from '../reads/organizations';
import { teamListSpec, teamsOfOrganization } from '../reads/teams';
import { userListSpec } from '../reads/users';
import { checkArguments } from './input-guard';
import { SECRET_TEXT_PATTERN } from './secrets';

/**
 * JSON reads: a query of a proxy admin (or admin viewer) that selects only what PostgreSQL can shape (the
 * root lists of organizations, teams, users and keys, their column fields, teams of organizations, keys of
 * teams, users and organizations, team members with spend and user, usage on all of them, spendReport
 * rows) is compiled into one statement whose JSON text is the response's data, sent as PostgreSQL wrote it:
 * no rows become objects in Node. Anything else (another role, a field with a resolver of its own, edges,
 * totalCount, backward pages, directives) is answered by the resolvers as before; so is any request whose
 * statement fails.
 */
export interface JsonRead {
  sql: string;
  values: unknown[];
  /** run under a heavy-read slot, as the resolvers run reports */
  heavy: boolean;
  /** planned for its values each time (a list that reads its whole table), not prepared */
  customPlan: boolean;
}

class Unsupported extends Error {}
const unsupported = (why: string): never => {
  throw new Unsupported(why);
};

const ENTITIES = new Map<string, EntityTarget<ObjectLiteral>>([
  ['Organization', Organization],
  ['Team', Team],
  ['User', User],
  ['VirtualKey', VirtualKey],
]);

/** Where each type's usage comes from (src/loaders/usage.ts), and the column that keys it. */
const USAGE_OF: Record<string, UsageEntity> = { Organization: 'organization', Team: 'team', User: 'user', VirtualKey: 'key' };
const ENTITY_KEY: Record<string, string> = { Organization: 'organization_id', Team: 'team_id', User: 'user_id', VirtualKey: 'token' };

const PAGE_ARGS = new Set(['first', 'after', 'last', 'before']);
/** The column types each scalar is written from as PostgreSQL writes them; any other pairing goes to the resolvers. */
const SCALAR_COLUMNS: Record<string, string[]> = {
  String: ['text', 'varchar', 'character varying'],
  ID: ['text', 'varchar', 'character varying'],
  Float: ['double precision', 'numeric'],
  Int: ['integer'],
  SafeInt: ['bigint', 'integer'],
  Boolean: ['boolean'],
  DateTime: ['timestamp', 'timestamp without time zone'],
  JSON: ['jsonb', 'json'],
};
const PAGE_INFO = new Set(['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor']);
/** fields of one object beyond which the resolvers answer (GRAPHQL_MAX_FIELDS bounds the whole operation) */
const MAX_KEYS = 50;

type Args = Record<string, unknown>;

interface Selected {
  key: string;
  node: FieldNode;
  name: string;
}

class Compiler {
  readonly p = new Params();
  /** whether the statement reads the daily rollups (a heavy read) */
  heavy = false;
  /** whether a list reads its whole table: a generic plan would guess its filter's selectivity */
  customPlan = false;
  private levels = 0;
  /** the parameter holding SECRET_TEXT_PATTERN, added once */
  private secretPattern?: string;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly ds: DataSource,
    private readonly policy: Policy,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly maxWindowDays: number,
  ) {}

  /** The fields of a selection set on one type, by response key, fragments of that type flattened. */
  private collect(set: SelectionSetNode, type: GraphQLObjectType, out: Selected[] = [], seen = new Set<string>()): Selected[] {
    for (const sel of set.selections) {
      if (sel.directives?.length) unsupported('directives');
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        if (seen.has(key)) unsupported(`${key} selected twice`);
        seen.add(key);
        out.push({ key, node: sel, name: sel.name.value });
      } else {
        const fragment = sel.kind === Kind.INLINE_FRAGMENT ? sel : this.fragments.get(sel.name.value) ?? unsupported('unknown fragment');
        if (fragment.typeCondition && fragment.typeCondition.name.value !== type.name) unsupported('fragment on another type');
        this.collect(fragment.selectionSet, type, out, seen);
      }
    }
    if (out.length > MAX_KEYS) unsupported('too many fields for one object');
    return out;
  }

  private field(type: GraphQLObjectType, s: Selected): GraphQLField<unknown, unknown> {
    return type.getFields()[s.name] ?? unsupported(`${type.name}.${s.name}`);
  }

  /** A field's coerced arguments, checked by the same guard as every resolver's. */
  private args(def: GraphQLField<unknown, unknown>, node: FieldNode, allowed: Set<string>): Args {
    for (const a of def.args) if (!allowed.has(a.name)) unsupported(`argument ${a.name}`);
    const values = getArgumentValues(def, node, this.variables);
    checkArguments(def, values);
    return values;
  }

  private window(args: Args, shape = POSITION): PageWindow {
    const w = pageWindow(args, shape);
    if (w.backward) unsupported('backward page');
    return w;
  }

  private alias(): string {
    return `j${++this.levels}`;
  }

  root(set: SelectionSetNode): string {
    const query = this.schema.getQueryType()!;
    const entries = this.collect(set, query).map((s): [string, string] => {
      if (s.name === '__typename') return [s.key, jsonLiteral(query.name)];
      const def = this.field(query, s);
      const connection = getNamedType(def.type) as GraphQLObjectType;
      const filters = new Set([...PAGE_ARGS, 'filter']);
      switch (s.name) {
        case 'organizations': {
          const args = this.args(def, s.node, filters);
          return [s.key, this.list(organizationListSpec(this.policy, args.filter as never), args, connection, s.node)];
        }
        case 'teams': {
          const args = this.args(def, s.node, filters);
          return [s.key, this.list(teamListSpec(this.policy, args.filter as never), args, connection, s.node)];
        }
        case 'users': {
          const args = this.args(def, s.node, filters);
          return [s.key, this.list(userListSpec(this.policy, args.filter as never), args, connection, s.node)];
        }
        case 'keys': {
          const args = this.args(def, s.node, new Set([...filters, 'orderBy']));
          return [s.key, this.list(keyListSpec(this.policy, args.filter as never, (args.orderBy as KeyOrderName | undefined) ?? 'TOKEN_ASC'), args, connection, s.node)];
        }
        case 'spendReport': {
          const args = this.args(def, s.node, new Set(['input']));
          return [s.key, this.report(args.input as ReportInput, connection, s.node)];
        }
        default:
          return unsupported(`Query.${s.name}`);
      }
    });
    return jsonStatement(entries);
  }

  /** A spend report's rows (and the table it reads); pageInfo and totals stay with the resolvers. */
  private report(input: ReportInput, type: GraphQLObjectType, node: FieldNode): string {
    const plan = planReport(this.policy, input, this.maxWindowDays);
    this.heavy = true;
    const parts = this.collect(node.selectionSet!, type).map((s): [string, string] => {
      if (s.name === '__typename') return [s.key, jsonLiteral(type.name)];
      if (s.name === 'source') return [s.key, jsonLiteral(plan.table)];
      if (s.name !== 'rows') return unsupported(`SpendReport.${s.name}`);
      const rowType = getNamedType(type.getFields().rows.type) as GraphQLObjectType;
      const selected = this.collect(s.node.selectionSet!, rowType).map((f): [string, string] =>
        f.name === '__typename' || isReportValue(f.name) ? [f.key, f.name] : unsupported(`SpendReportRow.${f.name}`),
      );
      return [s.key, reportRowsJson(plan, this.p, selected, rowType.name)];
    });
    return textObject(parts);
  }

  private list(spec: Parameters<typeof listJson>[1], args: Args, connection: GraphQLObjectType, node: FieldNode): string {
    const w = this.window(args, cursorShape(this.ds, spec.entity, spec.order));
    if (spec.scans) this.customPlan = true;
    const { row, nodeSql, parts } = this.page(connection, node, spec.entity);
    return listJson(this.ds, spec, row, w, this.p, nodeSql, parts);
  }

  /** A connection's selection: its parts, and the JSON of one node read from a row of the node's entity. */
  private page(connection: GraphQLObjectType, node: FieldNode, entity: EntityTarget<ObjectLiteral>) {
    const row = new JsonRow(this.ds, entity, this.alias());
    let nodeSql = 'NULL';
    const nodeType = getNamedType(connection.getFields().nodes.type) as GraphQLObjectType;
    const parts = this.parts(connection, node, (nodes) => (nodeSql = this.object(nodeType, row, nodes)));
    return { row, nodeSql, parts };
  }

  /** nodes, pageInfo and __typename of a connection; onNodes compiles the node once. */
  private parts(connection: GraphQLObjectType, node: FieldNode, onNodes: (selection: SelectionSetNode) => void): PagePart[] {
    const selected = this.collect(node.selectionSet!, connection);
    // one node shape per page: nodes (or pageInfo) under two aliases stays with the resolvers
    if (selected.filter((s) => s.name === 'nodes').length > 1 || selected.filter((s) => s.name === 'pageInfo').length > 1) unsupported('nodes or pageInfo twice');
    return selected.map((s): PagePart => {
      if (s.name === '__typename') return { key: s.key, literal: connection.name };
      if (s.name === 'nodes') {
        onNodes(s.node.selectionSet!);
        return { key: s.key, nodes: true };
      }
      if (s.name === 'pageInfo') {
        const infoType = getNamedType(connection.getFields().pageInfo.type) as GraphQLObjectType;
        const info = this.collect(s.node.selectionSet!, infoType).map(({ key, name }): [string, PageInfoPart] =>
          name === '__typename' ? [key, { literal: infoType.name }] : PAGE_INFO.has(name) ? [key, name as PageInfoPart] : unsupported(`PageInfo.${name}`),
        );
        return { key: s.key, pageInfo: info };
      }
      return unsupported(`${connection.name}.${s.name}`);
    });
  }

  /** The JSON of one object of an entity type, read from its row. */
  private object(type: GraphQLObjectType, row: JsonRow, set: SelectionSetNode): string {
    if (ENTITIES.get(type.name) !== row.entity) unsupported(`${type.name} is not read from ${String(row.entity)}`);
    const entries = this.collect(set, type).map((s): [string, string] => [s.key, this.value(type, row, s)]);
    return jsonObject(entries);
  }

  private value(type: GraphQLObjectType, row: JsonRow, s: Selected): string {
    if (s.name === '__typename') return jsonLiteral(type.name);
    const def = this.field(type, s);
    const relation = `${type.name}.${s.name}`;
    switch (relation) {
      case 'Organization.teams':
        return this.children(teamsOfOrganization(this.policy), row.ref('organization_id'), def, s.node);
      case 'Team.keys':
        return this.children(keysOf(this.policy, 'team_id'), row.ref('team_id'), def, s.node);
      case 'User.keys':
        return this.children(keysOf(this.policy, 'user_id'), row.ref('user_id'), def, s.node);
      case 'Organization.keys':
        return this.children(keysOf(this.policy, 'organization_id'), row.ref('organization_id'), def, s.node);
      case 'Team.members':
        return this.members(row, def, s.node);
      case 'Organization.usage':
      case 'Team.usage':
      case 'User.usage':
      case 'VirtualKey.usage': {
        const { table, column } = USAGE_SOURCES[USAGE_OF[type.name]];
        return this.usage(def, s, (from, to, selected, typename) => usageJson(table, column, row.ref(ENTITY_KEY[type.name]), from, to, this.p, selected, typename));
      }
    }
    return this.column(type, row, def, s);
  }

  /** A field that only reads its parent's column (graphql's default resolver, no arguments). */
  private column(type: GraphQLObjectType, row: JsonRow, def: GraphQLField<unknown, unknown>, s: Selected): string {
    // a JSON field that masks secrets (src/graphql/secrets.ts) resolves through maskSecrets: read here, its
    // value fails the statement (and the resolvers answer) whenever its text holds a word a secret name holds
    const masked = Boolean(def.extensions?.masksSecrets);
    if ((def.resolve && !masked) || def.args.length) unsupported(`${type.name}.${s.name} has a resolver`);
    const leaf = getNamedType(def.type);
    const inner = getNullableType(def.type);
    if (!isScalarType(leaf) || !SCALAR_COLUMNS[leaf.name]) unsupported(`${type.name}.${s.name} is not a plain scalar`);
    const column = row.column(s.name) ?? unsupported(`${type.name}.${s.name} is not a column`);
    if (!SCALAR_COLUMNS[leaf.name].includes(column.type)) unsupported(`${type.name}.${s.name} reads a ${column.type} column`);
    // lists only of String, from text[] columns
    if (isListType(inner) !== column.isArray || (column.isArray && leaf.name !== 'String')) unsupported(`${type.name}.${s.name} is a list`);
    if (isNonNullType(def.type) && column.nullable) unsupported(`${type.name}.${s.name} is non-null over a nullable column`);
    return row.value(s.name, isNonNullType(def.type), masked ? (this.secretPattern ??= `${this.p.add(SECRET_TEXT_PATTERN)}::text`) : undefined)!;
  }

  /** usage(from, to) with its window checked as the resolvers check it; a heavy read, as theirs. */
  private usage(def: GraphQLField<unknown, unknown>, s: Selected, json: (from: string, to: string, selected: [string, string][], typename: string) => string): string {
    const { from, to } = this.args(def, s.node, new Set(['from', 'to'])) as { from: string; to: string };
    checkWindow(from, to, this.maxWindowDays);
    this.heavy = true;
    const usageType = getNamedType(def.type) as GraphQLObjectType;
    const selected = this.collect(s.node.selectionSet!, usageType).map((f): [string, string] =>
      f.name === '__typename' || isUsageValue(f.name) ? [f.key, f.name] : unsupported(`Usage.${f.name}`),
    );
    return json(from, to, selected, usageType.name);
  }

  private children(spec: Parameters<typeof childrenJson>[1], parentKey: string, def: GraphQLField<unknown, unknown>, node: FieldNode): string {
    const args = this.args(def, node, PAGE_ARGS);
    const w = this.window(args, cursorShape(this.ds, spec.entity, spec.order));
    const { row, nodeSql, parts } = this.page(getNamedType(def.type) as GraphQLObjectType, node, spec.entity);
    return childrenJson(this.ds, spec, parentKey, row, w, this.p, nodeSql, parts);
  }

  private members(team: JsonRow, def: GraphQLField<unknown, unknown>, node: FieldNode): string {
    const args = this.args(def, node, PAGE_ARGS);
    const w = this.window(args);
    const connection = getNamedType(def.type) as GraphQLObjectType;
    const memberType = getNamedType(connection.getFields().nodes.type) as GraphQLObjectType;
    const member = new JsonMember(this.ds, this.alias());
    let nodeSql = 'NULL';
    const parts = this.parts(connection, node, (nodes) => {
      const entries = this.collect(nodes, memberType).map((s): [string, string] => {
        switch (s.name) {
          case '__typename':
            return [s.key, jsonLiteral(memberType.name)];
          case 'userId':
            return [s.key, member.userId];
          case 'userEmail':
            return [s.key, member.userEmail];
          case 'role':
            return [s.key, member.role];
          case 'spend':
            return [s.key, member.spend];
          case 'usage':
            return [s.key, this.usage(this.field(memberType, s), s, (from, to, selected, typename) => member.usage(team, from, to, this.p, selected, typename))];
          case 'user': {
            const userType = getNamedType(this.field(memberType, s).type) as GraphQLObjectType;
            return [s.key, member.userJson(this.object(userType, member.user(), s.node.selectionSet!))];
          }
          default:
            return unsupported(`TeamMember.${s.name}`);
        }
      });
      nodeSql = jsonObject(entries);
    });
    return memberPageJson(team, member, this.policy, w, this.p, nodeSql, parts);
  }
}

/** The operation as one JSON statement, or null when the resolvers must answer it. */
export function jsonRead(
  schema: GraphQLSchema,
  ds: DataSource,
  policy: Policy,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  maxWindowDays: number,
): JsonRead | null {
  if (operation.operation !== 'query' || !policy.principal || !policy.readsEverything) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return null;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const compiler = new Compiler(schema, ds, policy, fragments, coerced.coerced, maxWindowDays);
  try {
    const sql = compiler.root(operation.selectionSet);
    return { sql, values: compiler.p.values, heavy: compiler.heavy, customPlan: compiler.customPlan };
  } catch {
    // unsupported, or an argument the resolvers will refuse with its own error
    return null;
  }
}
