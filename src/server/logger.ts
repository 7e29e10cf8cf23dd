import { pino, type DestinationStream, type Logger } from 'pino';

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

/** The gateway's structured JSON logger; to stdout unless given another destination. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'switchyard' }, redact: { paths: redactedPaths, censor: '[redacted]' } };
  return destination === undefined ? pino(options) : pino(options, destination);
}

export type { Logger };
