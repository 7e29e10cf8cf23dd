import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import type { GatewayContext } from '../context/GatewayContext.js';
import { readBody } from '../http/readBody.js';
import { sendJson } from '../http/sendJson.js';
import { GatewayError } from '../errors/GatewayError.js';
import { spans } from '../telemetry/spans.js';
import type { TrustedDocuments } from '../trustedDocuments/TrustedDocuments.js';
import { trustedRequest } from './trustedRequest.js';

/** Handles one HTTP request to `/graphql`. */
export type GraphQLHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

/**
 * The HTTP side of `/graphql`: reads the body (up to `maxBodyBytes`), hands
 * the request to Apollo Server with a context made for it, and writes the
 * answer. A body over the limit throws BodyTooLargeError for the caller's 413.
 * With tracing on, the operation runs in its own span (see describeOperationSpan).
 * In trusted documents mode, a request naming no listed document is refused
 * with 400 PERSISTED_QUERY_NOT_IN_LIST before Apollo Server sees it.
 */
export function createGraphQLHandler(options: {
  readonly apollo: ApolloServer<GatewayContext>;
  readonly maxBodyBytes: number;
  /** The operation's context; may refuse the request by throwing a GraphQL error with an HTTP status. */
  readonly createContext: (req: IncomingMessage) => Promise<GatewayContext>;
  /** Trusted documents mode: only these operations run; any when undefined. */
  readonly trustedDocuments?: TrustedDocuments | undefined;
}): GraphQLHandler {
  const { apollo, maxBodyBytes, createContext, trustedDocuments } = options;
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'POST') {
      req.resume();
      res.setHeader('allow', 'GET, POST');
      sendJson(res, 405, { errors: [{ message: 'GraphQL is served over GET and POST', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req, maxBodyBytes);
      const type = headers.get('content-type') ?? '';
      if (type.includes('application/json') && raw !== '') {
        try {
          body = JSON.parse(raw);
        } catch {
          sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
          return;
        }
      } else {
        body = raw;
      }
    }
    let parts = { body, search: url.search };
    if (trustedDocuments !== undefined) {
      try {
        parts = trustedRequest(trustedDocuments, req.method, parts);
      } catch (error) {
        if (!(error instanceof GatewayError)) throw error;
        sendJson(res, 400, { errors: [{ message: error.message, extensions: { code: error.code } }] });
        return;
      }
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method, headers, search: parts.search, body: parts.body };
    // The operation's span: loader batches and upstream calls made while it runs are its children.
    const response = await spans.run('GraphQL Operation', () => ({}), () => apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => createContext(req) }));
    res.statusCode = response.status ?? 200;
    for (const [key, value] of response.headers) res.setHeader(key, value);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
