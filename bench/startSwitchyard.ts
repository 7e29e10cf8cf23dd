/**
 * The gateway as the benchmarks run it: the `dist/` build in its own node
 * process with the probe loaded (gatewayProbe.mjs), or exactly as the image
 * starts it, on a free loopback port, pointed at the simulators.
 */
import { fileURLToPath } from 'node:url';
import { freePort, startProcess, type RunningProcess } from './processes.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Environment variable of each service's base URL and of its credential. */
const serviceSettings: Readonly<Record<string, { readonly url: string; readonly token: string }>> = {
  circleci: { url: 'CIRCLECI_URL', token: 'CIRCLECI_TOKEN' },
  ghes: { url: 'GHES_URL', token: 'GHES_TOKEN' },
  gitlab: { url: 'GITLAB_URL', token: 'GITLAB_TOKEN' },
  concord: { url: 'CONCORD_URL', token: 'CONCORD_TOKEN' },
  flexstack: { url: 'FLEXSTACK_URL', token: 'FLEXSTACK_API_KEY' },
};

/** Where a started gateway runs and what it is called in tables. */
export interface SwitchyardOptions {
  readonly name: string;
  /** The build's entry point. */
  readonly main: string;
  /** Base URL of each service to use, by service name (`circleci`, `gitlab`, …). */
  readonly urls: Readonly<Record<string, string | undefined>>;
  /** Credential of each service, by service name. */
  readonly tokens: Readonly<Record<string, string | undefined>>;
  readonly cache: boolean;
  readonly logLevel: string;
  /** Extra node flags, e.g. `--cpu-prof`. */
  readonly nodeArgs: readonly string[];
  /** Further settings, e.g. an OTLP endpoint to trace to. */
  readonly env?: Readonly<Record<string, string>> | undefined;
  /**
   * Start it as the Dockerfile's CMD does, `node dist/src/main.js` with no
   * loader, probe, flag or NODE_OPTIONS and the explorer at its default (on):
   * its CPU and memory are then read from /proc, and `nodeArgs` are not used.
   */
  readonly asImage?: boolean | undefined;
}

/** A started gateway and its GraphQL URL. */
export interface RunningSwitchyard {
  readonly process: RunningProcess;
  readonly url: string;
}

/** Starts the gateway and waits until `/healthz` answers (bounded). */
export async function startSwitchyard(options: SwitchyardOptions): Promise<RunningSwitchyard> {
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    CACHE_ENABLED: String(options.cache),
    ...(options.asImage === true ? { NODE_OPTIONS: '' } : { EXPLORER: 'false' }),
    LOG_LEVEL: options.logLevel,
    // As the Dockerfile runs it (graphql-js skips its development-only checks).
    NODE_ENV: 'production',
    ...options.env,
  };
  for (const [service, settings] of Object.entries(serviceSettings)) {
    const url = options.urls[service];
    const token = options.tokens[service];
    if (url !== undefined) env[settings.url] = url;
    if (url !== undefined && token !== undefined) env[settings.token] = token;
  }
  const gateway = await startProcess({
    name: options.name,
    ...(options.asImage === true ? { command: process.execPath, args: [options.main], cwd: root } : { args: [...options.nodeArgs, `--import=${root}bench/gatewayProbe.mjs`, options.main] }),
    env,
    readyUrl: `http://127.0.0.1:${port}/healthz`,
  });
  return { process: gateway, url: `http://127.0.0.1:${port}/graphql` };
}
