import { pino, type Logger } from 'pino';

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

/** The gateway's structured JSON logger. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'switchyard' }, redact: { paths: redactedPaths, censor: '[redacted]' } });
}

export type { Logger };
