import { defaultPageSize, maxPageSize } from '../relay/connection.js';

/** The schema's types as far as Relay's shapes go: each type's fields and their named types, and their arguments'. */
export interface RelayShapes {
  fieldsOf(type: string): ReadonlyMap<string, string> | undefined;
  argumentTypeOf(type: string, field: string, arg: string): string | undefined;
}

/** The node type of an edge type (`…Edge` with `cursor` and `node`). */
function edgeNode(type: string | undefined, shapes: RelayShapes): string | undefined {
  if (type === undefined || !type.endsWith('Edge')) return undefined;
  const fields = shapes.fieldsOf(type);
  return fields?.has('cursor') === true ? fields.get('node') : undefined;
}

/** The node type of a connection type (`…Connection` with `edges` of an edge type, and `pageInfo`). */
function connectionNode(type: string | undefined, shapes: RelayShapes): string | undefined {
  if (type === undefined || !type.endsWith('Connection')) return undefined;
  const fields = shapes.fieldsOf(type);
  return fields?.has('pageInfo') === true ? edgeNode(fields.get('edges'), shapes) : undefined;
}

/** The paging arguments of a field that returns a connection; every connection pages forwards only. */
const pagingArguments: Readonly<Record<string, string>> = {
  first: `How many items to return: ${defaultPageSize} when omitted, at most ${maxPageSize} unless the field says otherwise. More than one upstream page is read when the service's pages are smaller.`,
  after: "Return the items after this cursor: the previous page's `pageInfo.endCursor`, or an edge's `cursor`, of the same list. From the start when omitted.",
  last: 'Not supported: the services page forwards only, so any value is refused with BAD_USER_INPUT. Use `first`.',
  before: 'Not supported: the services page forwards only, so any value is refused with BAD_USER_INPUT. Use `after`.',
};

/**
 * The description Relay's conventions give a schema coordinate, if any: a
 * connection or edge type, its `edges`, `pageInfo`, `cursor` or `node`, a
 * paging argument of a field that returns a connection, or the `input`
 * argument of a mutation that takes one input object. (graphql-relay-js
 * describes the types it builds the same way.)
 */
export function relayDescription(coordinate: string, shapes: RelayShapes): string | undefined {
  const match = /^([_A-Za-z]\w*)(?:\.([_A-Za-z]\w*)(?:\((\w+):\))?)?$/.exec(coordinate);
  if (match === null) return undefined;
  const [, type, field, arg] = match as unknown as [string, string, string | undefined, string | undefined];
  const connectionOf = connectionNode(type, shapes);
  const edgeOf = edgeNode(type, shapes);
  if (field === undefined) {
    if (connectionOf !== undefined) return `One page of a list of \`${connectionOf}\` (a Relay connection): the items with their cursors, and whether more follow.`;
    if (edgeOf !== undefined) return `One \`${edgeOf}\` in a list, with the cursor of its place there.`;
    return undefined;
  }
  if (arg === 'input' && type === 'Mutation') {
    const input = shapes.argumentTypeOf(type, field, arg);
    return input === undefined ? undefined : `What to do, in one \`${input}\` object, checked in full before any upstream call.`;
  }
  if (arg !== undefined) return Object.hasOwn(pagingArguments, arg) && connectionNode(shapes.fieldsOf(type)?.get(field), shapes) !== undefined ? pagingArguments[arg] : undefined;
  if (connectionOf !== undefined && field === 'edges') return "This page's items, in the list's order, each with its cursor.";
  if (connectionOf !== undefined && field === 'pageInfo') return 'Whether more items follow this page, and the cursor (`endCursor`) to read them with.';
  if (edgeOf !== undefined && field === 'cursor') return "An opaque cursor of this item's place in the list: pass it as `after` to read the items that follow it.";
  if (edgeOf !== undefined && field === 'node') return `The \`${edgeOf}\` at this place in the list.`;
  return undefined;
}
