import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getVariableValues,
  GraphQLError,
  GraphQLInterfaceType,
  GraphQLObjectType,
  GraphQLSchema,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  VariableDefinitionNode,
} from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { Limits } from '../config';
import { checkWindowWidth, windowDays } from '../services/date-window';
import { DEFAULT_PAGE } from '../paging';
import { GatewayError } from './errors';

const tooComplex = (message: string) => new GatewayError('QUERY_TOO_COMPLEX', message, { http: { status: 400 } });

export interface Measure {
  depth: number;
  aliases: number;
  /** fields once every fragment is expanded where it is spread: what execution (and compiling it) walks */
  fields: number;
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Depth and alias count of a selection, introspection included. Every fragment is measured at each of
 * its spreads (a fragment's measure does not depend on where it is spread, so it is computed once);
 * a spread of a fragment that is already being measured (a cycle, which validation refuses anyway)
 * adds nothing. Inside `__schema` and `__type`, an `ofType` hop adds no depth: it unwraps one
 * list or non-null wrapper, and clients (GraphiQL's query among them) nest it 7 deep.
 */
export function measure(
  selection: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  memo = new Map<string, Measure>(),
  active = new Set<string>(),
  introspection = false,
): Measure {
  let depth = 0;
  let aliases = 0;
  let fields = 0;
  for (const sel of selection.selections) {
    if (sel.kind === Kind.FIELD) {
      const name = sel.name.value;
      const inside = introspection || INTROSPECTION_ROOTS.has(name);
      if (sel.alias) aliases++;
      const inner = sel.selectionSet ? measure(sel.selectionSet, fragments, memo, active, inside) : { depth: 0, aliases: 0, fields: 0 };
      depth = Math.max(depth, (inside && name === 'ofType' ? 0 : 1) + inner.depth);
      aliases += inner.aliases;
      fields += 1 + inner.fields;
      continue;
    }
    let inner: Measure | undefined;
    if (sel.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(sel.selectionSet, fragments, memo, active, introspection);
    } else {
      const name = sel.name.value;
      const key = `${introspection ? 'introspection' : 'data'}:${name}`;
      const fragment = fragments[name];
      if (!fragment || active.has(name)) continue;
      inner = memo.get(key);
      if (!inner) {
        active.add(name);
        inner = measure(fragment.selectionSet, fragments, memo, active, introspection);
        active.delete(name);
        memo.set(key, inner);
      }
    }
    depth = Math.max(depth, inner.depth);
    aliases += inner.aliases;
    fields += inner.fields;
  }
  return { depth, aliases, fields };
}

/** Where a field reads its date window, and what each day of it costs. */
export interface WindowCost {
  /** `arguments`: the field's own from/to; `input`: its `input` argument's */
  at: 'arguments' | 'input';
  perDay: number;
}

/** Field extensions (type-graphql's @Extensions) for a field whose cost grows with its date window. */
export const windowCost = (cost: WindowCost) => ({ windowCost: cost });

/**
 * What a list adds when a filter or order it was given has no index LiteLLM keeps, so it reads the whole
 * table (400,000 keys in a large deployment; bench/RESULTS.md): a tenth of the default limit.
 */
export const LIST_SCAN_COST = 25_000;

/** Field extensions for a list that reads its whole table when `scans(args)` says so. */
export const scanCost = (scans: (args: Record<string, any>) => boolean) => ({ scanCost: scans });

const pageSizeOf = (args: Record<string, any>): number | undefined =>
  typeof args.last === 'number' ? args.last : typeof args.first === 'number' ? args.first : typeof args.input?.first === 'number' ? args.input.first : undefined;

/** A list field costs its page size times what each item selects. */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = pageSizeOf(args);
  if (first !== undefined || 'after' in args || 'before' in args) return 1 + Math.max(1, first ?? DEFAULT_PAGE) * Math.max(1, childComplexity);
  return undefined;
};

/** A list reading its whole table costs LIST_SCAN_COST on top of its page. */
const scanEstimator: ComplexityEstimator = (options) => {
  const scans = options.field.extensions?.scanCost as ((args: Record<string, any>) => boolean) | undefined;
  if (!scans || !scans(options.args)) return undefined;
  return LIST_SCAN_COST + (pageEstimator(options) ?? 1 + options.childComplexity);
};

/**
 * A windowed field (usage, spendReport) costs `perDay` for each day it reads on top of its page or
 * selection, and one wider than USAGE_MAX_WINDOW_DAYS is refused here, before any resolver runs.
 */
function windowEstimator(maxDays: number): ComplexityEstimator {
  return (options) => {
    const cost = options.field.extensions?.windowCost as WindowCost | undefined;
    const window = cost?.at === 'input' ? options.args.input : options.args;
    if (!cost || typeof window?.from !== 'string' || typeof window?.to !== 'string') return undefined;
    checkWindowWidth(window.from, window.to, maxDays);
    const days = Math.max(1, windowDays(window.from, window.to));
    return Math.ceil(days * cost.perDay) + (pageEstimator(options) ?? 1 + options.childComplexity);
  };
}

const averageLength = (lengths: number[]) => Math.max(1, Math.ceil(lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length)));

/**
 * The length of each introspection list in this schema, on average over the types (or fields, or
 * directives) that carry it: `__schema { types { fields { type { fields … } } } }` then costs what it
 * would answer, and a walk repeated under aliases costs each time.
 */
function introspectionListSizes(schema: GraphQLSchema): Map<string, number> {
  const types = Object.values(schema.getTypeMap());
  const composite = types.filter((t): t is GraphQLObjectType | GraphQLInterfaceType => isObjectType(t) || isInterfaceType(t));
  const fields = composite.flatMap((t) => Object.values(t.getFields()));
  const directives = schema.getDirectives();
  return new Map([
    ['__Schema.types', types.length],
    ['__Schema.directives', directives.length],
    ['__Type.fields', averageLength(composite.map((t) => Object.keys(t.getFields()).length))],
    ['__Type.interfaces', averageLength(composite.map((t) => t.getInterfaces().length))],
    ['__Type.possibleTypes', averageLength(types.filter(isAbstractType).map((t) => schema.getPossibleTypes(t).length))],
    ['__Type.enumValues', averageLength(types.filter(isEnumType).map((t) => t.getValues().length))],
    ['__Type.inputFields', averageLength(types.filter(isInputObjectType).map((t) => Object.keys(t.getFields()).length))],
    ['__Field.args', averageLength(fields.map((f) => f.args.length))],
    ['__Directive.args', averageLength(directives.map((d) => d.args.length))],
    ['__Directive.locations', averageLength(directives.map((d) => d.locations.length))],
  ]);
}

function introspectionEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const sizes = introspectionListSizes(schema);
  return ({ type, field, childComplexity }) => {
    const size = sizes.get(`${type.name}.${field.name}`);
    return size === undefined ? undefined : 1 + size * Math.max(1, childComplexity);
  };
}

/** One BAD_USER_INPUT naming every variable whose value does not fit its declared type. */
function coerceVariables(schema: GraphQLSchema, definitions: readonly VariableDefinitionNode[], variables: Record<string, unknown>) {
  const { errors } = getVariableValues(schema, definitions, variables);
  if (errors?.length) throw new GatewayError('BAD_USER_INPUT', errors.map((e) => e.message).join('; '), { http: { status: 400 } });
}

/**
 * Refuses bad variables and too deep, too aliased or too costly operations before any resolver (and so
 * any SQL) runs. Introspection counts like any other selection.
 */
/** Operation name and variables as one string; none for variables too large or deep to be worth keeping. */
function cacheKey(operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string | undefined {
  try {
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    return key.length <= 4096 ? key : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Refuses bad variables and too deep, too aliased or too costly operations before any resolver (and so
 * any SQL) runs. Introspection counts like any other selection. Apollo hands the same parsed document to
 * every request of the same text: an operation and variables that passed once pass again without being
 * measured (the checks depend on nothing else).
 */
export function limitChecker(schema: GraphQLSchema, limits: Limits) {
  const estimators = [introspectionEstimator(schema), windowEstimator(limits.usageMaxWindowDays), scanEstimator, pageEstimator, simpleEstimator({ defaultComplexity: 1 })];
  const passed = new WeakMap<DocumentNode, Set<string>>();
  return (document: DocumentNode, operation: OperationDefinitionNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): void => {
    const key = cacheKey(operationName, variables);
    const seen = passed.get(document);
    if (key !== undefined && seen?.has(key)) return;
    coerceVariables(schema, operation.variableDefinitions ?? [], variables ?? {});
    const fragments = Object.fromEntries(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    );
    const { depth, aliases, fields } = measure(operation.selectionSet, fragments);
    if (depth > limits.maxDepth) throw tooComplex(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`);
    if (aliases > limits.maxAliases) throw tooComplex(`Query uses ${aliases} aliases; the limit is ${limits.maxAliases}`);
    if (fields > limits.maxFields) throw tooComplex(`Query selects ${fields} fields once its fragments are expanded; the limit is ${limits.maxFields}`);
    let complexity: number;
    try {
      complexity = getComplexity({ schema, query: document, operationName: operationName ?? undefined, variables: variables ?? {}, estimators });
    } catch (err) {
      if (err instanceof GraphQLError && err.extensions.code === 'BAD_USER_INPUT') throw new GatewayError('BAD_USER_INPUT', err.message, { ...err.extensions, http: { status: 400 } });
      throw tooComplex(`Query complexity could not be measured: ${(err as Error).message}`);
    }
    if (complexity > limits.maxComplexity)
      throw tooComplex(`Query complexity ${complexity} exceeds the limit of ${limits.maxComplexity} (lists count as first × their selection, usage and reports their window's days)`);
    if (key === undefined) return;
    if (!seen) passed.set(document, new Set([key]));
    else if (seen.size < 100) seen.add(key);
  };
}

export function limitsPlugin(schema: GraphQLSchema, limits: Limits): ApolloServerPlugin {
  const check = limitChecker(schema, limits);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (operation) check(document, operation, request.operationName, request.variables);
        },
      };
    },
  };
}
