import { isJsonObject } from '../http/isJsonObject.js';
import { documentHash } from './documentHash.js';

/** One operation of an Apollo persisted query list manifest. */
export interface ManifestOperation {
  /** SHA-256 of `body`, lower-case hex. */
  readonly id: string;
  readonly body: string;
  readonly name: string;
  readonly type: 'query' | 'mutation' | 'subscription';
}

/** Apollo's persisted query list manifest, as `npm run trusted-documents` writes it. */
export interface PersistedQueryManifest {
  readonly format: 'apollo-persisted-query-manifest';
  readonly version: 1;
  readonly operations: readonly ManifestOperation[];
}

const sha256 = /^[0-9a-f]{64}$/;

/**
 * Reads a trusted documents manifest: Apollo's persisted query list
 * (`{ format: "apollo-persisted-query-manifest", operations: [{ id, body }] }`)
 * or a plain map of hash to document (Hive's and Relay's). Every hash must be
 * the SHA-256 of its document's text. Returns the documents by hash; throws
 * an Error saying what is wrong.
 */
export function readManifest(text: string): ReadonlyMap<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('the manifest is not JSON');
  }
  if (!isJsonObject(parsed)) throw new Error('the manifest is not a JSON object');
  const entries: [unknown, unknown][] =
    parsed['format'] === 'apollo-persisted-query-manifest'
      ? (Array.isArray(parsed['operations']) ? (parsed['operations'] as unknown[]) : []).map((operation) => (isJsonObject(operation) ? [operation['id'], operation['body']] : [undefined, undefined]))
      : Object.entries(parsed);
  const documents = new Map<string, string>();
  for (const [id, body] of entries) {
    if (typeof id !== 'string' || !sha256.test(id)) throw new Error(`"${String(id)}" is not a SHA-256 hash in lower-case hex`);
    if (typeof body !== 'string' || body.trim() === '') throw new Error(`the document of ${id} is not a GraphQL text`);
    if (documentHash(body) !== id) throw new Error(`${id} is not the SHA-256 of its document`);
    documents.set(id, body);
  }
  if (documents.size === 0) throw new Error('the manifest lists no document');
  return documents;
}
