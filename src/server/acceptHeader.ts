import Negotiator from 'negotiator';
import { BoundedMap } from '../cache/BoundedMap.js';

/** The content types Apollo Server answers a single result with, in its order of preference. */
const json = 'application/json; charset=utf-8';
const graphqlResponseJson = 'application/graphql-response+json; charset=utf-8';
const singleResultTypes = [json, graphqlResponseJson, 'application/json; callbackSpec=1.0; charset=utf-8'];

/** Accept headers are chosen by clients: at most 256 distinct ones are remembered. */
const remembered = new BoundedMap<string, string | undefined>(256);

/**
 * The `Accept` header to hand Apollo Server for a POST's `Accept`, for the
 * same answer with less work: Apollo Server parses and negotiates the header
 * twice for every operation, which is a visible share of its CPU. The choice
 * is made here once per distinct header value: none when it is plain JSON
 * (what Apollo Server answers without one), the bare GraphQL-over-HTTP type
 * when it is that; any other header (a callback, or one that admits no type
 * and gets 406) is handed on as it came.
 */
export function acceptForApollo(accept: string): string | undefined {
  if (remembered.has(accept)) return remembered.get(accept);
  const type = accept === '' ? json : new Negotiator({ headers: { accept } }).mediaType(singleResultTypes);
  const simpler = type === json ? undefined : type === graphqlResponseJson ? 'application/graphql-response+json' : accept;
  remembered.set(accept, simpler);
  return simpler;
}
