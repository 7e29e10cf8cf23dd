import { readdirSync, readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../src/schema/createSchema.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const shown = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] as string);
const examplesDir = new URL('../../examples/', import.meta.url);
const examples = readdirSync(examplesDir)
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => [file, readFileSync(new URL(file, examplesDir), 'utf8')] as const);
// Subscriptions run over graphql-ws (test/subscriptions); here they are checked against the schema.
const operations = examples.filter(([, text]) => !text.startsWith('subscription')).map(([, text]) => text);

const t = useTestGateway();

describe('the README', () => {
  it('shows exactly the examples of examples/, each valid against the schema', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
    expect([...shown].sort()).toEqual(examples.map(([, text]) => text).sort());
    const schema = createSchema();
    for (const [file, text] of examples) expect(validate(schema, parse(text)).map((error) => error.message), file).toEqual([]);
  });

  it.each(operations.map((operation) => [operation.split('\n')[0], operation] as const))('%s… runs without errors on the demo data', async (_title, operation) => {
    const result = await t.gql(operation);
    expect(result.errors).toBeUndefined();
    expect(result.data).toBeTruthy();
  });

  it('shows the client set-ups of examples/clients exactly as the files the tests run', () => {
    const section = readme.slice(readme.indexOf('## Clients'), readme.indexOf('## Running it'));
    const blocks = [...section.matchAll(/```(?:ts|json)\n([\s\S]*?)```/g)].map((match) => match[1] as string);
    const clients = new URL('../../examples/clients/', import.meta.url);
    const shownFiles = ['apolloClient.ts', 'urqlClient.ts', 'relay.config.json', 'relayEnvironment.ts'];
    expect(blocks).toEqual(shownFiles.map((file) => readFileSync(new URL(file, clients), 'utf8')));
  });

  it('lists every setting the gateway reads in the settings reference (docs/settings.md)', async () => {
    const { settingNames } = await import('../../src/config/config.js');
    const reference = readFileSync(new URL('../../docs/settings.md', import.meta.url), 'utf8');
    const table = reference.slice(reference.indexOf('| Setting |'), reference.indexOf('\n\n', reference.indexOf('| Setting |')));
    expect(settingNames.filter((name) => !table.includes(`| \`${name}\``) && !table.includes(` \`${name}\` |`))).toEqual([]);
  });
});
