// graphql's CommonJS entry by path: the module instance the schema's builders use, also where a
// bundler (vitest) would otherwise hand this file graphql's ESM build, whose types are not the schema's.
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql/index.js';
import type { GatewayContext } from '../context/GatewayContext.js';

/**
 * Field resolvers of an object type that need only the key its parent field
 * already has as an argument (a project's slug, path or org/name), not the
 * object's own upstream body: they can start before the object is fetched.
 */
export type KeyResolvers<TKey> = {
  readonly [field: string]: (key: TKey, args: never, context: GatewayContext) => unknown;
};

type FieldFn<R> = Extract<NonNullable<R>, (...args: never[]) => unknown>;

/**
 * The given fields of a type's generated resolver map, typed to take only the
 * key as parent; they fit the full resolver map too (the model has the key).
 */
export type KeyResolversOf<TResolvers, TField extends keyof TResolvers, TKey> = {
  readonly [F in TField]: (key: TKey, args: Parameters<FieldFn<TResolvers[F]>>[1], context: GatewayContext) => ReturnType<FieldFn<TResolvers[F]>>;
};

/**
 * Loads an object by key and, at the same time, starts the selected child
 * fields that need only the key, so that an object and its lists cost one
 * upstream round trip instead of two. The child fields still resolve as
 * usual once the object is there; they find their upstream GETs already under
 * way (the per-operation GET memo). The object's own answer decides what the
 * client sees: a missing object is still null, and a child started for it
 * is dropped (its error included).
 */
export function loadPrefetching<TKey, TValue>(
  load: () => Promise<TValue>,
  key: TKey,
  resolvers: KeyResolvers<TKey>,
  context: GatewayContext,
  info: GraphQLResolveInfo,
): Promise<TValue> {
  const type = getNamedType(info.returnType);
  if (isObjectType(type)) {
    for (const node of info.fieldNodes) {
      if (node.selectionSet !== undefined) prefetchSelection(node.selectionSet, type, key, resolvers, context, info);
    }
  }
  return load();
}

function prefetchSelection<TKey>(
  selectionSet: SelectionSetNode,
  type: GraphQLObjectType,
  key: TKey,
  resolvers: KeyResolvers<TKey>,
  context: GatewayContext,
  info: GraphQLResolveInfo,
): void {
  for (const selection of selectionSet.selections) {
    if (!included(selection, info)) continue;
    if (selection.kind === Kind.FIELD) {
      const resolve = resolvers[selection.name.value];
      const field = type.getFields()[selection.name.value];
      if (resolve === undefined || field === undefined) continue;
      start(() => resolve(key, getArgumentValues(field, selection, info.variableValues) as never, context));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (applies(selection.typeCondition?.name.value, type, info)) prefetchSelection(selection.selectionSet, type, key, resolvers, context, info);
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment !== undefined && applies(fragment.typeCondition.name.value, type, info)) prefetchSelection(fragment.selectionSet, type, key, resolvers, context, info);
    }
  }
}

/** Whether a fragment on `condition` applies to `type`: no condition, the type itself, or an interface or union it belongs to (`... on Project`). */
function applies(condition: string | undefined, type: GraphQLObjectType, info: GraphQLResolveInfo): boolean {
  if (condition === undefined || condition === type.name) return true;
  const named = info.schema.getType(condition);
  return named !== undefined && isAbstractType(named) && info.schema.isSubType(named, type);
}

function included(node: FieldNode | SelectionSetNode['selections'][number], info: GraphQLResolveInfo): boolean {
  if (node.directives === undefined || node.directives.length === 0) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.['if'] === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.['if'] !== false;
}

/** Starts a child early; what it gives (or throws) matters only when its field resolves for real. */
function start(run: () => unknown): void {
  try {
    const result = run();
    if (result instanceof Promise) result.catch(() => undefined);
  } catch {
    // Invalid arguments and the like are reported by the field itself, if it runs.
  }
}
