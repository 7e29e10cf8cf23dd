import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { documentHash } from './documentHash.js';
import { readManifest, type ManifestOperation, type PersistedQueryManifest } from './readManifest.js';

/**
 * Apollo's persisted query list manifest of GraphQL documents: one entry per
 * document, its id the SHA-256 of its exact text (what a client sends, or
 * names by that id), named after its first operation. Sorted by name, then
 * id, so the same documents always give the same file. Throws when a
 * document does not parse or holds no operation.
 */
export function buildManifest(documents: readonly { readonly file: string; readonly text: string }[]): PersistedQueryManifest {
  const operations = new Map<string, ManifestOperation>();
  for (const { file, text } of documents) {
    const operation = parse(text).definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
    if (operation === undefined) throw new Error(`${file} holds no operation`);
    const id = documentHash(text);
    operations.set(id, { id, body: text, name: operation.name?.value ?? '', type: operation.operation });
  }
  const sorted = [...operations.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { format: 'apollo-persisted-query-manifest', version: 1, operations: sorted };
}

/**
 * The documents of the given files: a `.graphql` file is one document; a
 * `.json` file is a manifest of documents (Relay's persisted documents, an
 * Apollo persisted query list, Hive's map), each checked as TRUSTED_DOCUMENTS
 * checks them, so that one manifest holds every client's operations.
 */
export function documentsOf(files: readonly string[]): { readonly file: string; readonly text: string }[] {
  return files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    if (!file.endsWith('.json')) return [{ file, text }];
    try {
      return [...readManifest(text).values()].map((document) => ({ file, text: document }));
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
  });
}

/** Every `.graphql` file under the paths (a directory is read recursively), in name order; files named are taken as they are. */
function graphqlFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (!statSync(path).isDirectory()) {
      files.push(path);
      continue;
    }
    const entries = readdirSync(path, { recursive: true, encoding: 'utf8' }).filter((entry) => entry.endsWith('.graphql')).sort();
    files.push(...entries.map((entry) => join(path, entry)));
  }
  return files;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt === -1 ? 'trusted-documents.json' : args[outAt + 1];
  const paths = args.filter((_arg, index) => outAt === -1 || (index !== outAt && index !== outAt + 1));
  if (out === undefined || out.startsWith('--')) {
    process.stderr.write('Usage: npm run trusted-documents -- [--out manifest.json] [file.graphql | manifest.json | directory]...\n');
    process.exit(2);
  }
  const files = graphqlFiles(paths.length === 0 ? ['examples'] : paths);
  const manifest = buildManifest(documentsOf(files));
  writeFileSync(out, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`${manifest.operations.length} trusted documents written to ${out}: ${manifest.operations.map((operation) => operation.name || operation.id).join(', ')}\n`);
}
