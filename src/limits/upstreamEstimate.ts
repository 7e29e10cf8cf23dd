import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isAbstractType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type FieldNode,
} from 'graphql';
import { listSizeOf, upstreamCostOf } from './fieldCost.js';
import { BoundedMap } from '../cache/BoundedMap.js';

/** Items a connection holds when `first` is not given (the connection builders' default). */
const defaultConnectionSize = 20;
/** Items a list without a size rule is assumed to hold. */
const defaultListSize = 20;

/** What an operation is estimated to cost before it runs. */
export interface OperationEstimate {
  /** Upstream calls, at most: each field's `@upstream` times the sizes of the lists above it. */
  readonly upstreamCalls: number;
  /** Field selections, each fragment counted wherever it is spread. */
  readonly fields: number;
}

/** A composite type's fields, or none for a union. */
function fieldsOf(type: GraphQLCompositeType): Record<string, GraphQLField<unknown, unknown>> {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
}

/** Whether a type is a Relay connection: its items are under `edges` (and `nodes`). */
function isConnection(type: GraphQLNamedType): boolean {
  return (isObjectType(type) || isInterfaceType(type)) && type.getFields()['edges'] !== undefined;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** A size from an argument value: a whole number, or a list's length. */
function sizeOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.floor(value));
  if (Array.isArray(value)) return value.length;
  return undefined;
}

/**
 * Estimates, without running it, the upstream calls an operation can make
 * and counts its field selections. A field's calls come from its
 * `@upstream` (one for a Query, Mutation or Subscription field without
 * one); a connection multiplies what is selected under its `edges`/`nodes`
 * by `first` (20 when absent), a list by its `@listSize`; a field read page
 * by page costs one call per `pageSize` items. Where a selection differs by
 * concrete type (inline fragments on an interface), the dearest type counts.
 * Linear in the document: each fragment is costed once.
 */
export function estimateOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  sentVariables: Readonly<Record<string, unknown>>,
): OperationEstimate {
  let bySchema = remembered.get(schema);
  if (bySchema === undefined) {
    bySchema = new WeakMap();
    remembered.set(schema, bySchema);
  }
  let memo = bySchema.get(operation);
  if (memo === undefined) {
    memo = { sizeVariables: sizeVariablesOf(schema, operation), byValues: new BoundedMap(100) };
    bySchema.set(operation, memo);
  }
  const key = JSON.stringify(memo.sizeVariables.map((name) => (name in sentVariables ? [sentVariables[name]] : [])));
  const known = memo.byValues.get(key);
  if (known !== undefined) return known;
  const { estimate, exact } = estimateOnce(schema, operation, fragments, sentVariables);
  if (exact) {
    memo.byValues.set(key, estimate);
  }
  return estimate;
}

/**
 * Estimates already made, by schema and operation node (Apollo Server reuses the
 * parsed document of a repeated query), then by the values of the variables that
 * can change a size (at most 100 sets of them per operation): the estimate of
 * `pipeline(id: $id)` is the same for every id.
 */
const remembered = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, { readonly sizeVariables: readonly string[]; readonly byValues: BoundedMap<string, OperationEstimate> }>>();

/**
 * The operation's variables whose value can change an estimate: all but those of a
 * single ID, String, Boolean or enum value (sizes are read from numbers and list lengths only).
 */
function sizeVariablesOf(schema: GraphQLSchema, operation: OperationDefinitionNode): readonly string[] {
  const names: string[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const type = definition.type.kind === Kind.NON_NULL_TYPE ? definition.type.type : definition.type;
    if (type.kind === Kind.NAMED_TYPE) {
      const named = schema.getType(type.name.value);
      if (named !== undefined && (isEnumType(named) || named.name === 'ID' || named.name === 'String' || named.name === 'Boolean')) continue;
    }
    names.push(definition.variable.name.value);
  }
  return names;
}

/** The estimate, and whether every variable and argument was valid (only then is it the same for any values of the others). */
function estimateOnce(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  sentVariables: Readonly<Record<string, unknown>>,
): { estimate: OperationEstimate; exact: boolean } {
  // The operation's own variable defaults count as if sent; invalid variables fail later, without a call.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], sentVariables);
  const variables = coerced.coerced ?? sentVariables;
  let exact = coerced.errors === undefined;
  const fragmentCosts = new Map<string, { calls: number; fields: number }>();
  const inProgress = new Set<string>();

  const argumentsOf = (field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> => {
    try {
      return getArgumentValues(field, node, variables as Record<string, unknown>);
    } catch {
      // Invalid arguments fail at execution without any call: the defaults are a safe guess.
      exact = false;
      return {};
    }
  };

  /** How many items a list-typed field (or a connection's `edges`) multiplies its selection by. */
  const itemsOf = (field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number => {
    const rule = listSizeOf(field);
    for (const name of rule?.slicingArguments ?? []) {
      const size = sizeOf(args[name]);
      if (size !== undefined) return size;
    }
    if (rule?.assumedSize !== undefined) return rule.assumedSize;
    if (isConnection(getNamedType(field.type))) return sizeOf(args['first']) ?? defaultConnectionSize;
    return defaultListSize;
  };

  const callsOf = (field: GraphQLField<unknown, unknown>, items: number, root: boolean): number => {
    const cost = upstreamCostOf(field) ?? (root ? { calls: 1, pageSize: undefined } : undefined);
    if (cost === undefined) return 0;
    if (cost.pageSize === undefined || cost.pageSize <= 0) return cost.calls;
    return cost.calls * Math.max(1, Math.ceil(items / cost.pageSize));
  };

  /**
   * The calls of one resolution of `parent` with this selection, and its field count.
   * `connectionItems` is the item count when `parent` is a connection.
   */
  const costOf = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, root: boolean, connectionItems: number): { calls: number; fields: number } => {
    let calls = 0;
    let fields = 0;
    // Selections that apply only to one concrete type of an abstract parent, by type.
    const byType = new Map<string, number>();
    const addConditional = (condition: GraphQLNamedType | undefined, part: { calls: number; fields: number }): void => {
      fields += part.fields;
      if (condition !== undefined && isObjectType(condition) && isAbstractType(parent)) {
        byType.set(condition.name, (byType.get(condition.name) ?? 0) + part.calls);
      } else {
        calls += part.calls;
      }
    };
    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD: {
          fields += 1;
          const name = selection.name.value;
          // __typename, __schema and __type read the schema, never an upstream.
          const introspection = name === '__schema' ? SchemaMetaFieldDef : name === '__type' ? TypeMetaFieldDef : undefined;
          if (name === '__typename') continue;
          const field = introspection ?? fieldsOf(parent)[name];
          if (field === undefined) continue;
          const args = argumentsOf(field, selection);
          const listy = isList(field.type) || isConnection(getNamedType(field.type));
          const items = listy ? itemsOf(field, args) : 1;
          if (introspection === undefined) calls += callsOf(field, items, root);
          if (selection.selectionSet === undefined) continue;
          const child = getNamedType(field.type) as GraphQLCompositeType;
          const inner = costOf(selection.selectionSet, child, false, isConnection(child) ? items : 0);
          fields += inner.fields;
          // A connection's own fields (pageInfo, totalCount) are read once; its edges once per item.
          const under = isConnection(parent) && (selection.name.value === 'edges' || selection.name.value === 'nodes') ? connectionItems : isList(field.type) && !isConnection(child) ? items : 1;
          calls += under * inner.calls;
          break;
        }
        case Kind.INLINE_FRAGMENT: {
          const condition = selection.typeCondition === undefined ? parent : schema.getType(selection.typeCondition.name.value);
          if (condition === undefined) continue;
          addConditional(condition, costOf(selection.selectionSet, condition as GraphQLCompositeType, root, connectionItems));
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          const fragment = fragments[selection.name.value];
          if (fragment === undefined) continue;
          const condition = schema.getType(fragment.typeCondition.name.value);
          if (condition === undefined) continue;
          addConditional(condition, fragmentCost(fragment, condition as GraphQLCompositeType, root, connectionItems));
          break;
        }
      }
    }
    return { calls: calls + Math.max(0, ...byType.values()), fields };
  };

  const fragmentCost = (fragment: FragmentDefinitionNode, condition: GraphQLCompositeType, root: boolean, connectionItems: number): { calls: number; fields: number } => {
    // What a fragment costs depends only on where it is spread: at the root or not, on a connection of how many items.
    const key = `${fragment.name.value}:${root}:${connectionItems}`;
    const known = fragmentCosts.get(key);
    if (known !== undefined) return known;
    // Validation refuses fragment cycles; this only keeps a bad document from looping.
    if (inProgress.has(key)) return { calls: 0, fields: 0 };
    inProgress.add(key);
    const cost = costOf(fragment.selectionSet, condition, root, connectionItems);
    inProgress.delete(key);
    fragmentCosts.set(key, cost);
    return cost;
  };

  const rootType = schema.getRootType(operation.operation);
  if (rootType === undefined || rootType === null) return { estimate: { upstreamCalls: 0, fields: 0 }, exact };
  const total = costOf(operation.selectionSet, rootType, true, 0);
  return { estimate: { upstreamCalls: total.calls, fields: total.fields }, exact };
}
