import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { buildManifest, documentsOf } from '../../src/trustedDocuments/buildManifest.js';
import { documentHash } from '../../src/trustedDocuments/documentHash.js';
import { readManifest } from '../../src/trustedDocuments/readManifest.js';

const query = 'query Me { circleciMe { name } }';
const mutation = 'mutation Cancel { circleciCancelPipeline(input: { pipelineId: "x" }) { pipeline { id } } }';
const dir = mkdtempSync(join(tmpdir(), 'switchyard-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function manifestFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('trusted documents manifests', () => {
  it('are built from documents as Apollo persisted query lists, named and sorted, and read back by hash', () => {
    const manifest = buildManifest([
      { file: 'b.graphql', text: query },
      { file: 'a.graphql', text: mutation },
    ]);
    expect(manifest).toEqual({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [
        { id: documentHash(mutation), body: mutation, name: 'Cancel', type: 'mutation' },
        { id: documentHash(query), body: query, name: 'Me', type: 'query' },
      ],
    });
    expect(readManifest(JSON.stringify(manifest))).toEqual(new Map([[documentHash(mutation), mutation], [documentHash(query), query]]));
    expect(() => buildManifest([{ file: 'fragment.graphql', text: 'fragment F on Query { circleciMe { name } }' }])).toThrow('fragment.graphql holds no operation');
  });

  it('are built from .graphql files and from manifests named beside them (Relay\'s persisted documents), merged into one', () => {
    const relay = manifestFile('persisted-documents.json', { [documentHash(query)]: query });
    const graphql = manifestFile('cancel.graphql', mutation);
    const manifest = buildManifest(documentsOf([relay, graphql]));
    expect(readManifest(JSON.stringify(manifest))).toEqual(new Map([[documentHash(mutation), mutation], [documentHash(query), query]]));
    const forged = manifestFile('forged.json', { [documentHash(query)]: mutation });
    expect(() => documentsOf([forged])).toThrow(`${forged}: ${documentHash(query)} is not the SHA-256 of its document`);
  });

  it('may also be a plain map of hash to document', () => {
    expect(readManifest(JSON.stringify({ [documentHash(query)]: query }))).toEqual(new Map([[documentHash(query), query]]));
  });

  it('stop start-up, naming TRUSTED_DOCUMENTS, when missing, not JSON, empty, or a hash is not its document\'s', () => {
    const load = (path: string) => () => loadConfig({ TRUSTED_DOCUMENTS: path });
    expect(load(join(dir, 'absent.json'))).toThrow(/TRUSTED_DOCUMENTS.*cannot read/);
    expect(load(manifestFile('text.json', 'query Me { x }'))).toThrow(/TRUSTED_DOCUMENTS.*not JSON/);
    expect(load(manifestFile('empty.json', {}))).toThrow(/TRUSTED_DOCUMENTS.*no document/);
    expect(load(manifestFile('wrong.json', { [documentHash(query)]: mutation }))).toThrow(/TRUSTED_DOCUMENTS.*is not the SHA-256 of its document/);
    expect(loadConfig({ TRUSTED_DOCUMENTS: manifestFile('good.json', { [documentHash(query)]: query }) }).trustedDocuments?.size).toBe(1);
  });
});
