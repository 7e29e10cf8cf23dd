import type { TrustedDocuments } from '../trustedDocuments/TrustedDocuments.js';
import { isJsonObject } from '../http/isJsonObject.js';

/** The parts of a `/graphql` request that name its operation: the JSON body (POST) and the query string (GET). */
export interface GraphQLRequestParts {
  readonly body: unknown;
  readonly search: string;
}

/** The extensions without `persistedQuery`, or undefined when nothing is left. */
function otherExtensions(extensions: unknown): Record<string, unknown> | undefined {
  if (!isJsonObject(extensions)) return undefined;
  const { persistedQuery: _persistedQuery, ...rest } = extensions;
  return Object.keys(rest).length === 0 ? undefined : rest;
}

function parsedJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Trusted documents mode over HTTP: the request as Apollo Server is to see
 * it, its operation's text taken from the list (named by `documentId` or an
 * APQ hash, or sent whole and listed), `documentId` and the
 * `persistedQuery` extension removed. Throws PERSISTED_QUERY_NOT_IN_LIST
 * (400) for a request that names no listed document, batches included.
 */
export function trustedRequest(documents: TrustedDocuments, method: string, request: GraphQLRequestParts): GraphQLRequestParts {
  if (method === 'GET') {
    const params = new URLSearchParams(request.search);
    const extensions = parsedJson(params.get('extensions'));
    const query = documents.documentOf({ query: params.get('query') ?? undefined, documentId: params.get('documentId') ?? undefined, extensions });
    params.set('query', query);
    params.delete('documentId');
    const rest = otherExtensions(extensions);
    if (rest === undefined) params.delete('extensions');
    else params.set('extensions', JSON.stringify(rest));
    return { body: request.body, search: `?${params.toString()}` };
  }
  const body = isJsonObject(request.body) ? request.body : {};
  const query = documents.documentOf({ query: body['query'], documentId: body['documentId'], extensions: body['extensions'] });
  const { documentId: _documentId, extensions, ...rest } = body;
  const kept = otherExtensions(extensions);
  return { body: { ...rest, query, ...(kept === undefined ? {} : { extensions: kept }) }, search: request.search };
}
