import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import type { GatewayContext } from '../context/GatewayContext.js';
import { readBody } from '../http/readBody.js';
import { sendJson } from '../http/sendJson.js';
import { GatewayError } from '../errors/GatewayError.js';
import { spans } from '../telemetry/spans.js';
import type { TrustedDocuments } from '../trustedDocuments/TrustedDocuments.js';
import { trustedRequest } from './trustedRequest.js';
import type { ServiceName } from '../config/ServiceName.js';
import type { CachedOperation, OperationCache, OperationRequest } from '../cache/OperationCache.js';
import { cacheAgeHeader } from '../cache/cachePlugin.js';
import type { OperationSummary } from './operationPlugin.js';
import { requestIdOf } from './context.js';
import { headerOf } from '../http/headerOf.js';
import { isJsonObject } from '../http/isJsonObject.js';
import { acceptForApollo } from './acceptHeader.js';
import { passesCsrfPrevention } from './csrfPrevention.js';
import { maxJsonDepth, nestedDeeperThan } from '../http/jsonDepth.js';

/** The service credentials a request resolved. */
type Credentials = Partial<Record<ServiceName, string>>;

/** The whole-answer cache as the handler uses it. */
export interface CachedAnswers {
  readonly cache: OperationCache;
  /** The request's service credentials (client authentication and credential headers checked). */
  readonly credentials: (req: IncomingMessage) => Promise<Credentials>;
  /** Told of every operation answered from the cache, as operations run by Apollo Server are logged and counted. */
  readonly onServed: (summary: OperationSummary) => void;
}

/** Handles one HTTP request to `/graphql`. */
export type GraphQLHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

/**
 * The HTTP side of `/graphql`: reads the body (up to `maxBodyBytes`), hands
 * the request to Apollo Server with a context made for it, and writes the
 * answer. A body over the limit throws BodyTooLargeError for the caller's 413.
 * With tracing on, the operation runs in its own span (see describeOperationSpan).
 * In trusted documents mode, a request naming no listed document is refused
 * with 400 PERSISTED_QUERY_NOT_IN_LIST before Apollo Server sees it. With
 * `answers`, a POST or a GET Apollo Server would run (see runnableGet) whose
 * credentials resolve (client authentication and credential headers, as
 * Apollo's context would check them) is first looked
 * up whole and, when kept, answered from the stored bytes; otherwise its
 * answer is kept when its `Cache-Control` allows (see CacheTracker.settle).
 */
export function createGraphQLHandler(options: {
  readonly apollo: ApolloServer<GatewayContext>;
  readonly maxBodyBytes: number;
  /**
   * The operation's context, from the request's credentials when they were
   * resolved already; may refuse the request by throwing a GraphQL error with an HTTP status.
   */
  readonly createContext: (req: IncomingMessage, credentials?: Promise<Credentials>) => Promise<GatewayContext>;
  /** Trusted documents mode: only these operations run; any when undefined. */
  readonly trustedDocuments?: TrustedDocuments | undefined;
  /** Whole answers kept and served before execution; none when undefined. */
  readonly answers?: CachedAnswers | undefined;
}): GraphQLHandler {
  const { apollo, maxBodyBytes, createContext, trustedDocuments, answers } = options;
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'POST') {
      req.resume();
      res.setHeader('allow', 'GET, POST');
      sendJson(res, 405, { errors: [{ message: 'GraphQL is served over GET and POST', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    const { method } = req;
    let body: unknown;
    if (method === 'POST') {
      const raw = await readBody(req, maxBodyBytes);
      const type = req.headers['content-type'] ?? '';
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
    // A GET's query string is read once, here: for this check and, unless trusted documents rewrite it, the lookup.
    const fromSearch = method === 'GET' ? searchOperation(url.search) : undefined;
    if (method === 'POST' ? nestedDeeperThan(body, maxJsonDepth) : nestedDeeperThan(fromSearch?.body.variables, maxJsonDepth) || nestedDeeperThan(fromSearch?.body.extensions, maxJsonDepth)) {
      sendJson(res, 400, { errors: [{ message: `The request nests arrays and objects more than ${maxJsonDepth} levels deep`, extensions: { code: 'BAD_REQUEST' } }] });
      return;
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
    // The operation's span: loader batches and upstream calls made while it runs are its children.
    await spans.run('GraphQL Operation', () => ({}), async (span) => {
      const started = performance.now();
      // Credentials are resolved (client authentication, credential headers) before a lookup,
      // as Apollo's context would: a request refused there gets the same refusal from Apollo.
      const lookup = answers === undefined ? undefined : await answerLookup(answers, req, method === 'POST' ? parts.body : runnableGet(req, parts.search === url.search ? fromSearch : searchOperation(parts.search)));
      if (lookup?.hit !== undefined) {
        span?.setAttribute('switchyard.cache.answer', 'hit');
        const requestId = requestIdOf(headerOf(req.headers, 'x-request-id'));
        serveCached(res, lookup.hit, requestId);
        answers?.onServed({
          requestId,
          operationName: lookup.hit.operationName,
          operationType: 'query',
          outcome: 'success',
          errorCodes: [],
          durationMs: performance.now() - started,
          upstreamCalls: 0,
          upstreamDurationMs: 0,
          cached: true,
        });
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value === undefined) continue;
        const text = Array.isArray(value) ? value.join(', ') : value;
        if (key !== 'accept' || method !== 'POST') headers.set(key, text);
        else {
          const accept = acceptForApollo(text);
          if (accept !== undefined) headers.set(key, accept);
        }
      }
      const httpGraphQLRequest: HTTPGraphQLRequest = { method, headers, search: parts.search, body: parts.body };
      let context: GatewayContext | undefined;
      const writesBefore = answers?.cache.writesNow() ?? 0;
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: async () => {
          context = await createContext(req, lookup?.credentials);
          return context;
        },
      });
      res.statusCode = response.status ?? 200;
      const sent: Record<string, string> = {};
      for (const [key, value] of response.headers) {
        res.setHeader(key, value);
        if (key !== 'cache-control' && key !== 'x-request-id') sent[key] = value;
      }
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        const settled = context?.cacheTracker?.settled;
        if (lookup?.key !== undefined && settled !== undefined && res.statusCode === 200) {
          await answers?.cache.set(lookup.key, { body: response.body.string, headers: sent, operationName: settled.operationName }, settled, writesBefore);
        }
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    });
  };
}

/** The resolved credentials of a request that may be answered from the cache, its key, and the answer when one is kept. */
interface AnswerLookup {
  readonly credentials: Promise<Credentials>;
  readonly key: string | undefined;
  readonly hit: CachedOperation | undefined;
}

/** The operation a POST body names, when it is one the cache may answer: a single operation, by text or persisted hash. */
function operationOf(body: unknown): OperationRequest | undefined {
  if (!isJsonObject(body)) return undefined;
  const { query, operationName, variables, extensions } = body;
  const persisted = isJsonObject(extensions) && isJsonObject(extensions['persistedQuery']) ? extensions['persistedQuery']['sha256Hash'] : undefined;
  if (query !== undefined && typeof query !== 'string') return undefined;
  if (persisted !== undefined && typeof persisted !== 'string') return undefined;
  if (query === undefined && persisted === undefined) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  return { query, hash: persisted, operationName: operationName ?? undefined, variables, extensions };
}

/** A GET's operation as its query string names it, in a body's shape; `wellFormed` is false when `variables` or `extensions` is not JSON. */
interface SearchOperation {
  readonly body: { readonly query: string | undefined; readonly operationName: string | undefined; readonly variables: unknown; readonly extensions: unknown };
  readonly wellFormed: boolean;
}

function searchOperation(search: string): SearchOperation {
  const params = new URLSearchParams(search);
  let wellFormed = true;
  const json = (name: string): unknown => {
    const text = params.get(name);
    if (text === null) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      wellFormed = false;
      return undefined;
    }
  };
  const body = { query: params.get('query') ?? undefined, operationName: params.get('operationName') ?? undefined, variables: json('variables'), extensions: json('extensions') };
  return { body, wellFormed };
}

/**
 * The operation of a GET when Apollo Server would run it: when its CSRF
 * prevention lets it through (see passesCsrfPrevention, the same rule).
 * Undefined otherwise, or when `variables` or `extensions` is not JSON:
 * Apollo Server answers those.
 */
function runnableGet(req: IncomingMessage, sent: SearchOperation | undefined): unknown {
  return passesCsrfPrevention(req.headers) && sent?.wellFormed === true ? sent.body : undefined;
}

async function answerLookup(answers: CachedAnswers, req: IncomingMessage, body: unknown): Promise<AnswerLookup | undefined> {
  // Asking for extensions.cacheAge asks for this execution's own freshness report.
  if (req.headers[cacheAgeHeader] !== undefined) return undefined;
  const operation = operationOf(body);
  if (operation === undefined) return undefined;
  const credentials = answers.credentials(req);
  let resolved: Credentials;
  try {
    resolved = await credentials;
  } catch {
    // Apollo's context refuses the request with this same error.
    return { credentials, key: undefined, hit: undefined };
  }
  const key = answers.cache.keyOf(resolved, operation, headerOf(req.headers, 'accept') ?? '');
  return { credentials, key, hit: await answers.cache.get(key) };
}

function serveCached(res: ServerResponse, hit: CachedOperation, requestId: string): void {
  res.statusCode = 200;
  for (const [key, value] of Object.entries(hit.headers)) res.setHeader(key, value);
  res.setHeader('cache-control', `private, max-age=${hit.maxAgeSeconds}`);
  res.setHeader('x-request-id', requestId);
  res.end(hit.body);
}
