import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { spans } from '../telemetry/spans.js';

/** Header and field paths that may hold a credential; their values never reach a log. */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers["x-circleci-token"]',
  'req.headers["x-ghes-token"]',
  'req.headers["x-gitlab-token"]',
  'req.headers["x-concord-token"]',
  'req.headers["x-flexstack-key"]',
  'req.headers.cookie',
  '*.token',
  '*.secret',
  '*.password',
];

// Lines are gathered up to this many bytes per write to stdout, or for at most logFlushMs.
const logBatchBytes = 16_384;
const logFlushMs = 100;

/**
 * The gateway's structured JSON logger; to stdout unless given another
 * destination. Stdout is written asynchronously and in batches: a line per
 * operation must not cost a write per operation under load, so lines are
 * gathered up to 16 KiB, and written at least every 100 ms. Call
 * `flushLogger` before exiting (pino also flushes synchronously on a normal
 * process exit). With tracing on, each line written within a span carries
 * its `traceId` and `spanId`.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: LoggerOptions = { level, base: { service: 'switchyard' }, redact: { paths: redactedPaths, censor: '[redacted]' } };
  if (spans.enabled) options.mixin = () => spans.current() ?? {};
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false, minLength: logBatchBytes, maxWrite: 4 * logBatchBytes, periodicFlush: logFlushMs }));
}

/** Writes out whatever the logger still buffers; resolves once it is written (or failed to be). */
export function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    try {
      logger.flush(() => resolve());
    } catch {
      resolve();
    }
  });
}

export type { Logger };
