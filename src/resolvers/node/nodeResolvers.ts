import type { Resolvers } from '../../generated/graphql.js';
import { GatewayError } from '../../errors/GatewayError.js';
import { fromGlobalId } from '../../relay/globalId.js';
import type { GatewayContext } from '../../context/GatewayContext.js';
import type { NodeFetchers } from './NodeFetchers.js';

/** At most this many ids in one `nodes(ids:)` call. */
export const maxNodeIds = 100;

/** `node`, `nodes` and the type resolution of every interface, over the given fetchers. */
export function createNodeResolvers(fetchers: NodeFetchers): Resolvers {
  const fetchNode = async (id: string, context: GatewayContext): Promise<unknown> => {
    const { typename, key } = fromGlobalId(id);
    const fetcher = fetchers[typename];
    if (fetcher === undefined) throw new GatewayError('BAD_USER_INPUT', `"${id.slice(0, 80)}" is not a valid node id`);
    return fetcher(key, context);
  };
  return {
    Query: {
      node: (_root, { id }, context) => fetchNode(id, context) as never,
      nodes: (_root, { ids }, context) => {
        if (ids.length > maxNodeIds) throw new GatewayError('BAD_USER_INPUT', `nodes takes at most ${maxNodeIds} ids`);
        // Each slot fails on its own: a bad or missing id is null with its error.
        return ids.map((id) => fetchNode(id, context).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))) as never;
      },
    },
  };
}
