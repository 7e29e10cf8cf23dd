import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, valueFromASTUntyped, type OperationDefinitionNode } from 'graphql';

/** One example as the explorer opens it: a tab with the file's text and its variables. */
export interface ExplorerExample {
  /** The file's name in `examples/`. */
  readonly file: string;
  /** Its operation's name, or the file's name for an anonymous one. */
  readonly name: string;
  readonly type: 'query' | 'mutation' | 'subscription';
  /** The file's text, as it is. */
  readonly query: string;
  /** JSON of its variables, from `<name>.variables.json` beside it or else from their defaults; absent when it has none. */
  readonly variables?: string;
}

const typeOrder: Readonly<Record<ExplorerExample['type'], number>> = { query: 0, mutation: 1, subscription: 2 };

/** The file the explorer opens on. */
export const firstExample = 'dashboard.graphql';

function variablesOf(dir: string, file: string, operation: OperationDefinitionNode): string | undefined {
  const sidecar = join(dir, file.replace(/\.graphql$/, '.variables.json'));
  if (existsSync(sidecar)) return `${JSON.stringify(JSON.parse(readFileSync(sidecar, 'utf8')), null, 2)}\n`;
  const defaults = (operation.variableDefinitions ?? [])
    .filter((definition) => definition.defaultValue !== undefined)
    .map((definition) => [definition.variable.name.value, valueFromASTUntyped(definition.defaultValue as NonNullable<typeof definition.defaultValue>)] as const);
  return defaults.length === 0 ? undefined : `${JSON.stringify(Object.fromEntries(defaults), null, 2)}\n`;
}

/**
 * The examples of `dir` (the README's, in `examples/`) as explorer tabs: the
 * dashboard first, then queries, mutations and subscriptions, each by name.
 * Throws when a file does not parse or holds no operation.
 */
export function explorerExamples(dir: string): ExplorerExample[] {
  const examples = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .map((file): ExplorerExample => {
      const query = readFileSync(join(dir, file), 'utf8');
      const operation = parse(query).definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
      if (operation === undefined) throw new Error(`examples/${file} holds no operation`);
      const variables = variablesOf(dir, file, operation);
      return { file, name: operation.name?.value ?? file, type: operation.operation, query, ...(variables === undefined ? {} : { variables }) };
    });
  const rank = (example: ExplorerExample): number => (example.file === firstExample ? -1 : typeOrder[example.type]);
  return examples.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
