import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { printSchema } from 'graphql';
import { fetchQuery, getSelector, type ConcreteRequest, type Environment, type ReaderFragment } from 'relay-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelayEnvironment } from '../../examples/clients/relayEnvironment.js';
import { createSchema } from '../../src/schema/createSchema.js';
import { useTestGateway } from '../helpers/useTestGateway.js';

const apiKey = 'relay-client-test-key-000000001';
const clientsDir = resolve('examples/clients');
// Inside the project, so that the generated artifacts resolve relay-runtime from its node_modules.
mkdirSync('test-artifacts', { recursive: true });
const work = resolve(mkdtempSync('test-artifacts/relay-'));
const manifest = join(work, 'trusted-documents.json');

/** Runs a command to its end, failing with its output when it fails. */
function run(command: string, args: readonly string[], cwd: string): string {
  const done = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${done.stdout}${done.stderr}`);
  return done.stdout;
}

// The README's steps, in a folder of their own: relay-compiler over the set-up's documents with its
// relay.config.json (the schema printed from the code, where an app uses schema.graphql), then
// `npm run trusted-documents` over the persisted documents it writes, then a gateway that runs only those.
beforeAll(() => {
  for (const file of ['relayDashboard.ts', 'relay.config.json']) copyFileSync(join(clientsDir, file), join(work, file));
  const config = JSON.parse(readFileSync(join(work, 'relay.config.json'), 'utf8')) as { schema: string; artifactDirectory: string; persistConfig: { file: string } };
  writeFileSync(join(work, 'schema.graphql'), printSchema(createSchema()));
  writeFileSync(join(work, 'relay.config.json'), JSON.stringify({ ...config, schema: './schema.graphql' }));
  mkdirSync(join(work, config.artifactDirectory));
  writeFileSync(join(work, config.persistConfig.file), '{}');
  run(process.execPath, [createRequire(import.meta.url).resolve('relay-compiler/cli.js'), 'relay.config.json'], work);
  run('npm', ['run', 'trusted-documents', '--', '--out', manifest, join(work, config.persistConfig.file), 'examples'], process.cwd());
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const t = useTestGateway(() => ({ env: { GATEWAY_API_KEYS: apiKey, TRUSTED_DOCUMENTS: manifest } }));

/** A generated artifact's default export. */
async function artifact<T>(name: string): Promise<T> {
  return ((await import(join(work, '__generated__', `${name}.graphql.ts`))) as { default: T }).default;
}

/** What a fragment reads for a fragment reference, as a component would see it. */
function read(environment: Environment, fragment: ReaderFragment, ref: unknown): any {
  const selector = getSelector(fragment, ref);
  if (selector === null || selector.kind !== 'SingularReaderSelector') throw new Error('expected a singular fragment reference');
  return environment.lookup(selector).data;
}

describe('the Relay set-up of examples/clients against the demo, with persisted documents', () => {
  it('runs the dashboard by document id, reads its fragments, and pages the @connection to the whole list', async () => {
    const [query, pagination, projects, card] = await Promise.all([
      artifact<ConcreteRequest>('relayDashboardQuery'),
      artifact<ConcreteRequest>('relayDashboardProjectsPaginationQuery'),
      artifact<ReaderFragment>('relayDashboard_projects'),
      artifact<ReaderFragment>('relayDashboard_card'),
    ]);
    // Persisted: the artifacts carry an id and no text.
    expect(query.params.id).toMatch(/^[0-9a-f]{64}$/);
    expect((query.params as { text?: unknown }).text ?? null).toBeNull();

    const environment = createRelayEnvironment(t.url, { 'x-api-key': apiKey });
    const data = await fetchQuery(environment, query, {}).toPromise();
    let list = read(environment, projects, data);
    expect(list.projects.edges).toHaveLength(5);
    let pages = 1;
    while (list.projects.pageInfo.hasNextPage === true) {
      await fetchQuery(environment, pagination, { first: 2, after: list.projects.pageInfo.endCursor }).toPromise();
      list = read(environment, projects, data);
      pages += 1;
    }
    expect(pages).toBeGreaterThan(1);
    const cards = list.projects.edges.map((edge: { node: unknown }) => read(environment, card, edge.node));

    // The whole list in one page, by the same persisted document.
    const whole = (await (
      await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: JSON.stringify({ documentId: `sha256:${pagination.params.id}`, variables: { first: 100 } }) })
    ).json()) as { data: { projects: { edges: { node: { fullName: string; service: string } }[] } } };
    expect(cards.map((c: { service: string; fullName: string }) => `${c.service}:${c.fullName}`)).toEqual(whole.data.projects.edges.map((edge) => `${edge.node.service}:${edge.node.fullName}`));

    const gitlab = cards.find((c: { service: string }) => c.service === 'GITLAB');
    expect(gitlab.members.edges[0].node).toEqual({ name: expect.any(String), role: expect.any(String), accessLevel: expect.any(String) });
    const concord = cards.find((c: { service: string }) => c.service === 'CONCORD');
    expect(concord.webhooks).toEqual({ edges: [] });
  });

  it('refuses what the persisted documents do not list, before it runs', async () => {
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ query: '{ projects(first: 1) { edges { node { id } } } }' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
  });
});
