import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { aptInstall } from './apt.js';

const candidates = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];

/** The path of `redis-server`, installing Debian's package when it is missing. */
export function ensureRedisServer(): string {
  const found = candidates.find((path) => existsSync(path));
  if (found !== undefined) return found;
  aptInstall('redis-server');
  const installed = candidates.find((path) => existsSync(path));
  if (installed === undefined) throw new Error('redis-server could not be installed');
  return installed;
}

/** A free loopback TCP port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A real redis-server on loopback that a test can stop and start again on the same port. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function waitForPort(port: number, up: boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open === up) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis port ${port} did not become ${up ? 'open' : 'closed'}`);
}

/** Starts a throwaway redis-server (no persistence) on a free loopback port. */
export async function startRedisServer(): Promise<RedisServer> {
  const binary = ensureRedisServer();
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitForPort(port, true);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    async stop() {
      const running = child;
      child = null;
      if (running === null || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGKILL');
      });
      await waitForPort(port, false);
    },
  };
}
