import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayProcess, type GatewayProcess } from '../helpers/gatewayProcess.js';
import { buildProductionTree, productionPackages } from '../helpers/productionTree.js';

const dashboard = readFileSync(new URL('../../examples/dashboard.graphql', import.meta.url), 'utf8');
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let tree: string | undefined;
let gateway: GatewayProcess | undefined;

beforeAll(async () => {
  tree = await buildProductionTree();
  // As the image runs it: `node dist/src/main.js`, no loader, no NODE_OPTIONS; the explorer on, as by default.
  gateway = await startGatewayProcess({ NODE_ENV: 'production', NODE_OPTIONS: '', EXPLORER: 'true' }, { args: ['dist/src/main.js'], cwd: tree });
}, 120_000);

afterAll(() => {
  gateway?.kill();
  if (tree !== undefined) rmSync(tree, { recursive: true, force: true });
});

describe('the compiled gateway, laid out as the production image holds it (dist/, schema/, production dependencies)', () => {
  it('has tsx as a development dependency only, so it cannot be loaded from dist/', () => {
    expect(packageJson.devDependencies['tsx']).toBeDefined();
    expect(packageJson.dependencies['tsx']).toBeUndefined();
    expect(productionPackages()).not.toContain('tsx');
    const fromDist = createRequire(join(tree as string, 'dist/src/main.js'));
    for (const name of ['tsx', 'typescript', 'esbuild', 'vitest']) expect(() => fromDist.resolve(name), name).toThrow();
    expect(fromDist.resolve('graphql')).toContain('graphql');
  });

  it('starts in demo mode (loading the simulators on demand) and answers the dashboard across services', async () => {
    const running = gateway as GatewayProcess;
    expect(running.logLines.some((line) => String(line['msg']).startsWith('DEMO MODE'))).toBe(true);
    const response = await fetch(`${running.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: dashboard }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data?: { projects: { edges: { node: { service: string } }[]; failedServices: string[] }; circleciProject: { latestPipeline: { runState: string } | null } | null };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(new Set(body.data?.projects.edges.map((edge) => edge.node.service))).toEqual(new Set(['GITLAB', 'CONCORD', 'FLEXSTACK']));
    expect(body.data?.projects.failedServices).toEqual([]);
    expect(body.data?.circleciProject?.latestPipeline?.runState).toMatch(/^[A-Z]+$/);
  });

  it('serves the explorer page and its bundle', async () => {
    const running = gateway as GatewayProcess;
    const page = await fetch(`${running.origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/explorer/explorer.js');
    const script = await fetch(`${running.origin}/explorer/explorer.js`);
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(100_000);
  });

  it('serves the live board page and its bundle', async () => {
    const running = gateway as GatewayProcess;
    const page = await fetch(`${running.origin}/board`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/board/board.js');
    for (const asset of ['/board/board.js', '/board/board.css']) expect((await fetch(`${running.origin}${asset}`)).status, asset).toBe(200);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    expect(await (gateway as GatewayProcess).stop()).toBe(0);
  });
});
