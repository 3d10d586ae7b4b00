import { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, GraphQLSchema, Kind, SelectionSetNode } from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { Limits } from '../config';
import { DEFAULT_PAGE } from './connection';
import { GatewayError } from './errors';

const tooComplex = (message: string) => new GatewayError('QUERY_TOO_COMPLEX', message, { http: { status: 400 } });

/** Depth and alias count of an operation; introspection fields (__schema, __type) are not counted. */
export function measure(selection: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): { depth: number; aliases: number } {
  let depth = 0;
  let aliases = 0;
  for (const sel of selection.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      if (sel.alias) aliases++;
      const inner = sel.selectionSet ? measure(sel.selectionSet, fragments, seen) : { depth: 0, aliases: 0 };
      depth = Math.max(depth, 1 + inner.depth);
      aliases += inner.aliases;
    } else {
      const set = sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : seen.has(sel.name.value) ? undefined : fragments[sel.name.value]?.selectionSet;
      if (sel.kind === Kind.FRAGMENT_SPREAD) seen.add(sel.name.value);
      if (!set) continue;
      const inner = measure(set, fragments, seen);
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
    }
  }
  return { depth, aliases };
}

/** A list field costs its page size times what each item selects. */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.last === 'number' ? args.last : typeof args.first === 'number' ? args.first : typeof args.input?.first === 'number' ? args.input.first : undefined;
  if (first !== undefined || 'after' in args || 'before' in args) return 1 + Math.max(1, first ?? DEFAULT_PAGE) * Math.max(1, childComplexity);
  return undefined;
};

/** Refuses too deep, too wide or too aliased operations before any resolver (and so any SQL) runs. */
export function limitsPlugin(schema: GraphQLSchema, limits: Limits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (!operation) return;
          const fragments = Object.fromEntries(
            document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          const { depth, aliases } = measure(operation.selectionSet, fragments);
          if (depth > limits.maxDepth) throw tooComplex(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`);
          if (aliases > limits.maxAliases) throw tooComplex(`Query uses ${aliases} aliases; the limit is ${limits.maxAliases}`);
          const complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > limits.maxComplexity)
            throw tooComplex(`Query complexity ${complexity} exceeds the limit of ${limits.maxComplexity} (lists count as first × their selection)`);
        },
      };
    },
  };
}
