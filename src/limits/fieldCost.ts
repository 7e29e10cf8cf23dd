import { getDirectiveValues, GraphQLDirective, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLString, DirectiveLocation, type GraphQLField } from 'graphql';

/**
 * `@upstream(calls, pageSize)` as the schema declares it (schema/base.graphql),
 * for reading its values with graphql-js.
 */
const upstreamDirective = new GraphQLDirective({
  name: 'upstream',
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: { calls: { type: new GraphQLNonNull(GraphQLInt), defaultValue: 1 }, pageSize: { type: GraphQLInt } },
});

/** `@listSize(assumedSize, slicingArguments)` as the schema declares it. */
const listSizeDirective = new GraphQLDirective({
  name: 'listSize',
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: { assumedSize: { type: GraphQLInt }, slicingArguments: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) } },
});

/** What resolving a field once costs in upstream calls, from its `@upstream`. */
export interface UpstreamCost {
  /** Calls per resolution, or per `pageSize` items of a list. */
  readonly calls: number;
  /** Items one upstream call returns, for a list read page by page. */
  readonly pageSize: number | undefined;
}

/** A list field's size rule, from its `@listSize`. */
export interface ListSize {
  readonly assumedSize: number | undefined;
  readonly slicingArguments: readonly string[];
}

/** Directives read once per field: the schema is built once, and the estimate reads them on every operation. */
const upstreamCosts = new WeakMap<GraphQLField<unknown, unknown>, UpstreamCost | null>();
const listSizes = new WeakMap<GraphQLField<unknown, unknown>, ListSize | null>();

/** The field's `@upstream`, or undefined when it has none. */
export function upstreamCostOf(field: GraphQLField<unknown, unknown>): UpstreamCost | undefined {
  let cost = upstreamCosts.get(field);
  if (cost === undefined) {
    const values = field.astNode === undefined || field.astNode === null ? undefined : getDirectiveValues(upstreamDirective, field.astNode);
    cost = values === undefined ? null : { calls: values['calls'] as number, pageSize: (values['pageSize'] as number | null | undefined) ?? undefined };
    upstreamCosts.set(field, cost);
  }
  return cost ?? undefined;
}

/** The field's `@listSize`, or undefined when it has none. */
export function listSizeOf(field: GraphQLField<unknown, unknown>): ListSize | undefined {
  let size = listSizes.get(field);
  if (size === undefined) {
    const values = field.astNode === undefined || field.astNode === null ? undefined : getDirectiveValues(listSizeDirective, field.astNode);
    size =
      values === undefined
        ? null
        : { assumedSize: (values['assumedSize'] as number | null | undefined) ?? undefined, slicingArguments: (values['slicingArguments'] as readonly string[] | null | undefined) ?? [] };
    listSizes.set(field, size);
  }
  return size ?? undefined;
}
