import type { GatewayContext } from '../../context/GatewayContext.js';

/** Fetches an object by the native key held in its global id; null when it does not exist. */
export type NodeFetcher = (key: string, context: GatewayContext) => Promise<unknown>;

/** Node fetchers by GraphQL type name. */
export type NodeFetchers = Readonly<Record<string, NodeFetcher>>;
