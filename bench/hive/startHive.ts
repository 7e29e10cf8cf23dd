/**
 * Hive Gateway (GraphQL Mesh's runtime) over the CircleCI OpenAPI spec, for
 * the overhead and peers benchmarks: composes a supergraph with Mesh Compose from the spec
 * the simulator's side port serves, then serves it with `hive-gateway` in its
 * own process. Needs `npm ci --prefix bench/hive` (kept out of the main install).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort, startProcess, type RunningProcess } from '../processes.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The simulator Hive Gateway calls, the spec it composes from, and how its node runs. */
export interface HiveOptions {
  readonly simulatorUrl: string;
  readonly specUrl: string;
  readonly token: string;
  readonly nodeArgs: readonly string[];
}

/** A running Hive Gateway and its GraphQL URL. */
export interface RunningHive {
  readonly process: RunningProcess;
  readonly url: string;
}

/** Composes the supergraph and starts Hive Gateway on it (bounded by timeouts). */
export async function startHive(options: HiveOptions): Promise<RunningHive> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-hive-'));
  const supergraph = join(dir, 'supergraph.graphql');
  await promisify(execFile)(process.execPath, [join(here, 'node_modules/@graphql-mesh/compose-cli/esm/bin.js'), '-o', supergraph], {
    cwd: here,
    env: { ...process.env, SPEC_URL: options.specUrl, CIRCLECI_URL: options.simulatorUrl, CIRCLECI_TOKEN: options.token },
    timeout: 120_000,
  });
  const port = await freePort();
  const hive = await startProcess({
    name: 'hive',
    args: [
      ...options.nodeArgs,
      `--import=${join(here, '../gatewayProbe.mjs')}`,
      join(here, 'node_modules/@graphql-hive/gateway/dist/bin.js'),
      'supergraph',
      supergraph,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--disable-websockets',
    ],
    // Its own folder, so the gateway does not load the compose config as its own.
    cwd: dir,
    env: { NODE_ENV: 'production' },
    readyUrl: `http://127.0.0.1:${port}/healthcheck`,
  });
  return { process: hive, url: `http://127.0.0.1:${port}/graphql` };
}
