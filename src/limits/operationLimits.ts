import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { Kind, validate, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { limitSettingNames, type LimitSettings } from '../config/limitSettings.js';
import { GatewayError } from '../errors/GatewayError.js';
import { estimateOperation } from './upstreamEstimate.js';

/** What a limit measures, as `extensions.measure` names it. */
export type LimitMeasure = 'depth' | 'aliases' | 'directives' | 'fields' | 'tokens' | 'upstreamCalls';

const phrases: Readonly<Record<Exclude<LimitMeasure, 'tokens'>, { readonly setting: keyof LimitSettings; readonly text: (found: number) => string }>> = {
  depth: { setting: 'maxDepth', text: (found) => `is nested ${found} levels deep` },
  aliases: { setting: 'maxAliases', text: (found) => `uses ${found} aliases` },
  directives: { setting: 'maxDirectives', text: (found) => `uses ${found} directives` },
  fields: { setting: 'maxFields', text: (found) => `selects ${found} fields (a fragment counts wherever it is spread)` },
  upstreamCalls: { setting: 'maxUpstreamCalls', text: (found) => `could make up to ${found} upstream calls (each list multiplies what is selected in it by its first)` },
};

/**
 * The refusal of an operation over a limit: QUERY_TOO_COMPLEX, answered 400,
 * with what was measured, the estimate and the limit in `extensions`.
 */
export function tooComplex(measure: LimitMeasure, estimate: number | undefined, limit: number, message: string): GatewayError {
  return new GatewayError('QUERY_TOO_COMPLEX', message, {
    extensions: { measure, ...(estimate === undefined ? {} : { estimate: Math.min(estimate, Number.MAX_SAFE_INTEGER) }), limit },
    http: { status: 400 },
  });
}

/** Measures by operation node: Apollo Server reuses the parsed document of a repeated query, so each is measured once. */
const measuredOperations = new WeakMap<OperationDefinitionNode, { depth: number; aliases: number; directives: number }>();

/** The armor rules' measures of one operation (and the fragments it spreads). */
function measure(schema: GraphQLSchema, document: DocumentNode): { depth: number; aliases: number; directives: number } {
  const found = { depth: 0, aliases: 0, directives: 0 };
  // Each rule only measures (a limit no document reaches); the comparison is ours, so the refusal can carry the numbers.
  const measuring = (key: keyof typeof found) => ({
    n: Number.POSITIVE_INFINITY,
    propagateOnRejection: false,
    onAccept: [(_context: unknown, details: { n: number }) => void (found[key] = Math.max(found[key], details.n))],
  });
  validate(schema, document, [maxDepthRule(measuring('depth')), maxAliasesRule(measuring('aliases')), maxDirectivesRule(measuring('directives'))]);
  return found;
}

/**
 * Checks an operation against the limits before it runs: depth, aliases and
 * directives (measured by GraphQL Armor's rules), field selections, and the
 * estimate of upstream calls. Returns the refusal, or undefined when the
 * operation may run. The document must have passed validation.
 */
export function checkOperationLimits(
  limits: LimitSettings,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): GatewayError | undefined {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  let measured = measuredOperations.get(operation);
  if (measured === undefined) {
    measured = measure(schema, { kind: Kind.DOCUMENT, definitions: [operation, ...Object.values(fragments)] });
    measuredOperations.set(operation, measured);
  }
  const over = (key: Exclude<LimitMeasure, 'tokens'>, found: number): GatewayError | undefined => {
    const { setting, text } = phrases[key];
    const limit = limits[setting];
    if (found <= limit) return undefined;
    const shown = Math.min(found, Number.MAX_SAFE_INTEGER);
    return tooComplex(key, found, limit, `The operation ${text(shown)}, more than the ${limit} allowed (${limitSettingNames[setting]})`);
  };
  const early = over('depth', measured.depth) ?? over('aliases', measured.aliases) ?? over('directives', measured.directives);
  if (early !== undefined) return early;
  const estimate = estimateOperation(schema, operation, fragments, variables);
  return over('fields', estimate.fields) ?? over('upstreamCalls', estimate.upstreamCalls);
}
