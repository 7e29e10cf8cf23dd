import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { settingNames } from '../../src/config/config.js';
import type { ServiceName } from '../../src/config/ServiceName.js';
import { freePort } from './redisServer.js';

/** The gateway in its own process, as `npm start` runs it, in demo mode. */
export interface GatewayProcess {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Each in-process simulator's base URL, as the start-up log gives them. */
  readonly simulators: Readonly<Record<ServiceName, string>>;
  /** Every JSON line written to stdout so far. */
  readonly logLines: readonly Record<string, unknown>[];
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL, if still running. */
  kill(): void;
}

/** The environment without any gateway setting inherited from the shell, so the gateway starts in demo mode. */
function demoEnv(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of settingNames) delete env[name];
  return { ...env, ...extra };
}

/** What node runs, and where. */
export interface GatewayCommand {
  /** node's arguments: the entry point and any flags before it. */
  readonly args: readonly string[];
  /** The working folder; the project's when absent. */
  readonly cwd?: string | undefined;
}

/** `src/main.ts` under tsx, as `npm start` runs it. */
const fromSources: GatewayCommand = { args: ['--import', 'tsx', 'src/main.ts'] };

/**
 * Starts the gateway (by default `src/main.ts` under tsx, as `npm start`
 * does) in demo mode on a free loopback port, with `env` added, and waits
 * until it is listening (60 s at most).
 */
export async function startGatewayProcess(env: Readonly<Record<string, string>> = {}, command: GatewayCommand = fromSources): Promise<GatewayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...command.args], {
    cwd: command.cwd,
    env: demoEnv({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const logLines: Record<string, unknown>[] = [];
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const simulators = await new Promise<Record<ServiceName, string>>((resolve, reject) => {
    let urls: Record<ServiceName, string> | undefined;
    const timer = setTimeout(() => reject(new Error(`the gateway did not start within 60 s: ${stderr}`)), 60_000);
    lines.on('line', (text) => {
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return;
      }
      logLines.push(line);
      if (line['simulators'] !== undefined) urls = line['simulators'] as Record<ServiceName, string>;
      if (typeof line['endpoint'] === 'string' && urls !== undefined) {
        clearTimeout(timer);
        resolve(urls);
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`the gateway exited before it was listening: ${stderr}`));
    });
  });
  return {
    child,
    origin: `http://127.0.0.1:${port}`,
    simulators,
    logLines,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
