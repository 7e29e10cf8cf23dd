/**
 * Child processes for the overhead benchmark: started with an IPC channel
 * (see gatewayProbe.mjs), waited for with a bounded readiness check, stopped
 * with SIGTERM and, past a few seconds, SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A process's CPU time (microseconds) and memory, as it reports them. */
export interface Probe {
  readonly cpu: NodeJS.CpuUsage;
  readonly memory: NodeJS.MemoryUsage;
}

/** A started child process. */
export interface RunningProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** The first line it wrote on stdout, when started with `readyLine`. */
  readonly firstLine: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly name: string;
  /** Arguments to node. */
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** Ready once this URL answers 200. */
  readonly readyUrl?: string | undefined;
  /** Ready once the process writes a line on stdout. */
  readonly readyLine?: boolean | undefined;
  readonly cwd?: string | undefined;
  readonly readyTimeoutMs?: number | undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts `node <args>` and waits until it is ready (bounded). */
export async function startProcess(options: StartOptions): Promise<RunningProcess> {
  const child = spawn(process.execPath, [...options.args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', options.readyLine === true ? 'pipe' : 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 20_000) stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  const stop = async (): Promise<void> => {
    if (exitedEarly) return;
    child.kill('SIGTERM');
    const killed = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!killed) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let firstLine = '';
  try {
    if (options.readyLine === true) {
      firstLine = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error('no output in time')), deadline - Date.now());
        child.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const end = out.indexOf('\n');
          if (end >= 0) {
            clearTimeout(timer);
            resolve(out.slice(0, end));
          }
        });
        void exited.then(() => reject(new Error('exited')));
      });
    }
    if (options.readyUrl !== undefined) {
      for (;;) {
        if (exitedEarly) throw new Error('exited');
        if (Date.now() > deadline) throw new Error('not ready in time');
        try {
          if ((await fetch(options.readyUrl)).ok) break;
        } catch {
          // not listening yet
        }
        await sleep(100);
      }
    }
  } catch (error) {
    await stop();
    throw new Error(`${options.name} did not start (${(error as Error).message}):\n${stderr.slice(-4000)}`);
  }
  return { name: options.name, child, firstLine, stop };
}

/** Asks a started process for its CPU time and memory (bounded). */
export async function probe(running: RunningProcess): Promise<Probe> {
  const { child } = running;
  return new Promise<Probe>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${running.name} did not answer the probe`)), 5_000);
    const onMessage = (message: unknown): void => {
      if (typeof message !== 'object' || message === null) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message as Probe);
    };
    child.on('message', onMessage);
    child.send('probe');
  });
}

/** Sends a message and waits for the given answer (bounded). */
export async function ask(running: RunningProcess, message: string, answer: string, timeoutMs = 30_000): Promise<void> {
  const { child } = running;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${running.name} did not answer ${message}`)), timeoutMs);
    const onMessage = (reply: unknown): void => {
      if (reply !== answer) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve();
    };
    child.on('message', onMessage);
    child.send(message);
  });
}
