import { fileURLToPath, pathToFileURL } from 'node:url';
import { printSchema, type GraphQLSchema } from 'graphql';
import { writeGenerated } from '../upstreams/writeGenerated.js';
import { createSchema } from './createSchema.js';

/** Where `npm run schema` writes the printed SDL: `schema.graphql` at the top of the repository. */
export const schemaFilePath = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

/**
 * The text of `schema.graphql`: the whole API as the gateway builds it
 * (graphql-js's `printSchema`, every description included), for
 * relay-compiler, graphql-codegen and IDE plugins, which want one SDL file.
 */
export function schemaFileText(schema: GraphQLSchema = createSchema()): string {
  return [
    '# The Switchyard GraphQL API, printed from schema/ with every description, as the gateway serves it.',
    '# Generated: do not edit by hand. Run `npm run schema` after changing schema/ (`npm run check` fails when it is stale).',
    '',
    printSchema(schema),
    '',
  ].join('\n');
}

/** Writes `schema.graphql`, or with `--check` exits 1 when the committed file is not what the schema prints. */
function main(args: readonly string[]): void {
  const file = { path: schemaFilePath, name: 'schema.graphql', text: schemaFileText(), script: 'schema' };
  if (!writeGenerated([file], args.includes('--check'))) process.exitCode = 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
