import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/startTestGateway.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const operations = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] as string);

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(async () => {
  await t.close();
});

describe('the README', () => {
  it('shows GraphQL examples', () => {
    expect(operations.length).toBeGreaterThanOrEqual(2);
  });

  it.each(operations.map((operation) => [operation.split('\n')[0], operation] as const))('%s… runs without errors on the demo data', async (_title, operation) => {
    const result = await t.gql(operation);
    expect(result.errors).toBeUndefined();
    expect(result.data).toBeTruthy();
  });

  it('lists every setting the gateway reads in its settings table', async () => {
    const { settingNames } = await import('../../src/config/config.js');
    const table = readme.slice(readme.indexOf('## Settings'), readme.indexOf('## The API'));
    expect(settingNames.filter((name) => !table.includes(`\`${name}\``))).toEqual([]);
  });
});
