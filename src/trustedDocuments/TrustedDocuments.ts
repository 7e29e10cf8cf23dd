import { GatewayError } from '../errors/GatewayError.js';
import { documentHash } from './documentHash.js';

/** How a request names its operation: any of a document's text, its id, or its APQ hash. */
export interface DocumentRequest {
  readonly query?: unknown;
  /** `documentId`, as the GraphQL over HTTP persisted documents proposal sends it: `sha256:<hex>` or the hex alone. */
  readonly documentId?: unknown;
  /** The request's extensions: `persistedQuery.sha256Hash` names a document as automatic persisted queries do. */
  readonly extensions?: unknown;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Readonly<Record<string, unknown>>)[name] : undefined;
}

/**
 * The operations a gateway in trusted documents mode runs, by the SHA-256 of
 * their text. A request names one by id or hash (the text is taken from the
 * list) or sends a text whose hash is listed; anything else is refused with
 * `PERSISTED_QUERY_NOT_IN_LIST` before it is parsed.
 */
export class TrustedDocuments {
  constructor(private readonly documents: ReadonlyMap<string, string>) {}

  /** How many documents are listed. */
  get size(): number {
    return this.documents.size;
  }

  /** The listed text the request names; throws PERSISTED_QUERY_NOT_IN_LIST (400) when it names none. */
  documentOf(request: DocumentRequest): string {
    const hash = field(field(request.extensions, 'persistedQuery'), 'sha256Hash');
    const named = typeof request.documentId === 'string' ? request.documentId.replace(/^sha256:/, '') : typeof hash === 'string' ? hash : undefined;
    if (named !== undefined) {
      const text = this.documents.get(named.toLowerCase());
      if (text !== undefined && (typeof request.query !== 'string' || request.query === '' || request.query === text)) return text;
      throw notInList();
    }
    if (typeof request.query === 'string' && this.documents.get(documentHash(request.query)) === request.query) return request.query;
    throw notInList();
  }
}

function notInList(): GatewayError {
  return new GatewayError('PERSISTED_QUERY_NOT_IN_LIST', 'Only operations from the list of trusted documents run on this gateway', { http: { status: 400 } });
}
