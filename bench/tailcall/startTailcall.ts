/**
 * Tailcall 1.0 (a GraphQL server in Rust, configured by an `@http` schema)
 * over the CircleCI simulator, for the peers benchmark: writes circleci.graphql
 * with a free loopback port into a folder of its own and starts the binary
 * there. Needs `npm ci --prefix bench/tailcall` (kept out of the main install).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startProcess, type RunningProcess } from '../processes.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Where the binary of the installed package is. */
export const tailcallBinary = join(here, 'node_modules/@tailcallhq/core-linux-x64-gnu/bin/tailcall');

/** The simulator Tailcall calls. */
export interface TailcallOptions {
  readonly simulatorUrl: string;
  readonly token: string;
}

/** A running Tailcall and its GraphQL URL. */
export interface RunningTailcall {
  readonly process: RunningProcess;
  readonly url: string;
}

/** Starts Tailcall and waits until its status route answers (bounded). */
export async function startTailcall(options: TailcallOptions): Promise<RunningTailcall> {
  const port = await freePort();
  const template = readFileSync(join(here, 'circleci.graphql'), 'utf8');
  const config = template.replace('@server(port: 8000,', `@server(port: ${port},`);
  if (config === template) throw new Error('circleci.graphql has no @server(port: 8000, …) to set the port in');
  // Its own folder: Tailcall reads a .env file from its working directory and the ones above.
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-tailcall-'));
  writeFileSync(join(dir, 'circleci.graphql'), config);
  const closedPort = `http://127.0.0.1:${await freePort()}`;
  const tailcall = await startProcess({
    name: 'tailcall',
    command: tailcallBinary,
    args: ['start', join(dir, 'circleci.graphql')],
    cwd: dir,
    env: {
      CIRCLECI_URL: options.simulatorUrl,
      CIRCLECI_TOKEN: options.token,
      // No usage reports.
      TAILCALL_TRACKER: 'false',
      // 1.0 has no switch for its release check (a GitHub request over HTTPS): send HTTPS through a
      // loopback port nobody listens on, so it fails at once; upstream calls are plain HTTP and go direct.
      HTTPS_PROXY: closedPort,
      https_proxy: closedPort,
      HTTP_PROXY: '',
      http_proxy: '',
      ALL_PROXY: '',
      all_proxy: '',
      NO_PROXY: '127.0.0.1,localhost',
      TAILCALL_LOG_LEVEL: 'warn',
    },
    readyUrl: `http://127.0.0.1:${port}/status`,
  });
  return { process: tailcall, url: `http://127.0.0.1:${port}/graphql` };
}
