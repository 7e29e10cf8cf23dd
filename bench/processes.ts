/**
 * Child processes for the benchmarks: node processes started with an IPC
 * channel (see gatewayProbe.mjs), other programs (Tailcall) without one, each
 * waited for with a bounded readiness check, stopped with SIGTERM and, past a
 * few seconds, SIGKILL.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A process's CPU time (microseconds), resident memory and, for node, its used heap (bytes). */
export interface Probe {
  readonly cpu: NodeJS.CpuUsage;
  readonly rss: number;
  readonly heapUsed: number | undefined;
}

/** A started child process. */
export interface RunningProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** The first line it wrote on stdout, when started with `readyLine`. */
  readonly firstLine: string;
  stop(): Promise<void>;
}

/** How to start a child process and when it is ready. */
export interface StartOptions {
  readonly name: string;
  /** The program to run; node (this one) with an IPC channel when absent. */
  readonly command?: string | undefined;
  /** Arguments to the program. */
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

/** Starts `node <args>` (or `command <args>`) and waits until it is ready (bounded). */
export async function startProcess(options: StartOptions): Promise<RunningProcess> {
  const stdout = options.readyLine === true ? 'pipe' : 'ignore';
  const child = spawn(options.command ?? process.execPath, [...options.args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: options.command === undefined ? ['ignore', stdout, 'pipe', 'ipc'] : ['ignore', stdout, 'pipe'],
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

let clockTicksPerSecond: number | undefined;

/** A process's CPU time and RSS from /proc (Linux), for programs that have no IPC channel. */
function probeProc(pid: number): Probe {
  clockTicksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  // The command name (field 2) may hold spaces; fields after its closing parenthesis are fixed.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const usPerTick = 1_000_000 / clockTicksPerSecond;
  const rssKb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return {
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name; all threads together.
    cpu: { user: Number(fields[11]) * usPerTick, system: Number(fields[12]) * usPerTick },
    rss: Number(rssKb) * 1024,
    heapUsed: undefined,
  };
}

/** Asks a started process for its CPU time and memory (bounded); reads /proc for one with no IPC channel. */
export async function probe(running: RunningProcess): Promise<Probe> {
  const { child } = running;
  if (!child.connected) {
    if (child.pid === undefined) throw new Error(`${running.name} has no pid`);
    return probeProc(child.pid);
  }
  return new Promise<Probe>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${running.name} did not answer the probe`)), 5_000);
    const onMessage = (message: unknown): void => {
      if (typeof message !== 'object' || message === null) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      const { cpu, memory } = message as { cpu: NodeJS.CpuUsage; memory: NodeJS.MemoryUsage };
      resolve({ cpu, rss: memory.rss, heapUsed: memory.heapUsed });
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
