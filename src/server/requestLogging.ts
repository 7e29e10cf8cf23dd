import type { Logger } from './logger.js';
import type { OperationSummary } from './operationPlugin.js';

const round = (ms: number): number => Math.round(ms * 10) / 10;

/**
 * Writes one structured line per GraphQL operation: ids, name, outcome,
 * upstream usage and duration. Never headers or variables, so no credential
 * or user data reaches the log.
 */
export function operationLogger(logger: Logger): (summary: OperationSummary) => void {
  // The line is built from the fields below only, none of which can hold a credential: it skips the
  // redaction every other line goes through, which costs about as much as writing the line.
  const lines = logger.child({}, { redact: { paths: [] } });
  return (summary) => {
    const line = {
      requestId: summary.requestId,
      operationName: summary.operationName === '' ? null : summary.operationName,
      operationType: summary.operationType,
      outcome: summary.outcome,
      ...(summary.errorCodes.length > 0 ? { errorCodes: summary.errorCodes } : {}),
      upstreamCalls: summary.upstreamCalls,
      upstreamDurationMs: round(summary.upstreamDurationMs),
      durationMs: round(summary.durationMs),
      ...(summary.cached === true ? { cached: true } : {}),
    };
    lines.info(line, 'graphql operation');
  };
}
