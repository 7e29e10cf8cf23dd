import { spawn, type ChildProcess } from 'node:child_process';
import { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { settingNames } from '../../src/config/config.js';
import { freePort } from '../helpers/redisServer.js';

let child: ChildProcess | undefined;
afterEach(() => {
  if (child !== undefined && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
});

/** The environment without any gateway setting inherited from the shell, so the gateway starts in demo mode. */
function demoEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of settingNames) delete env[name];
  return { ...env, ...extra };
}

/** Whether a new TCP connection to the port is accepted. */
function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

describe('graceful shutdown of `npm start`', () => {
  it('on SIGTERM finishes the in-flight request, refuses new connections and exits 0', async () => {
    const port = await freePort();
    const started = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: demoEnv({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '10000' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)));
    let banner = '';
    started.stderr?.on('data', (chunk: Buffer) => {
      banner += chunk.toString();
    });
    const logLines: Record<string, unknown>[] = [];
    const lines = createInterface({ input: started.stdout as NodeJS.ReadableStream });
    const ready = new Promise<{ circleci: string }>((resolve, reject) => {
      let simulators: { circleci: string } | undefined;
      lines.on('line', (text) => {
        const line = JSON.parse(text) as Record<string, unknown>;
        logLines.push(line);
        if (line['simulators'] !== undefined) simulators = line['simulators'] as { circleci: string };
        if (typeof line['endpoint'] === 'string' && simulators !== undefined) resolve(simulators);
      });
      started.once('exit', () => reject(new Error('the gateway exited before it was listening')));
    });
    const simulators = await ready;
    const simulator = new URL(simulators.circleci).origin;

    const fault = await fetch(`${simulator}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'GET', path: '/project/gh/acme/api$', latencyMs: 1_500, times: 1 }),
    });
    expect(fault.status).toBe(201);

    const slow = fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ circleciProject(slug: "gh/acme/api") { name } }' }),
    });
    // SIGTERM only once the gateway is waiting on the slow upstream call.
    for (let i = 0; i < 100; i += 1) {
      const log = (await (await fetch(`${simulator}/__sim/requests`)).json()) as { path: string }[];
      if (log.some((entry) => entry.path.endsWith('/project/gh/acme/api'))) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    started.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await connects(port)).toBe(false);
    expect(started.exitCode).toBeNull();

    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { circleciProject: { name: 'api' } } });
    expect(await exited).toBe(0);
    expect(logLines.map((line) => line['msg'])).toEqual(expect.arrayContaining(['graphql operation', 'Stopped']));
    // What `npm start` tells a person: where everything is, and that upstreams are simulated.
    expect(banner).toContain('DEMO MODE');
    expect(banner).toContain(`Explorer:          http://127.0.0.1:${port}/`);
    expect(banner).toContain(`GraphQL endpoint:  http://127.0.0.1:${port}/graphql`);
    expect(banner).toContain(`Metrics:           http://127.0.0.1:${port}/metrics`);
    expect(banner).toContain(`Simulator circleci  ${simulators.circleci}`);
  }, 30_000);
});
