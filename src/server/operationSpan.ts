import { SpanStatusCode } from '@opentelemetry/api';
import { spans } from '../telemetry/spans.js';
import type { OperationSummary } from './operationPlugin.js';

/**
 * Names and describes the operation's span (opened around it by the GraphQL
 * handler) once its answer is ready: `query Dashboard`, its type and name as
 * the GraphQL semantic conventions put them, the request id, the upstream
 * calls it made and, when it failed, its error codes.
 */
export function describeOperationSpan(summary: OperationSummary): void {
  const span = spans.active();
  if (span === undefined) return;
  const known = summary.operationType !== 'unknown';
  span.updateName(known ? `${summary.operationType}${summary.operationName === '' ? '' : ` ${summary.operationName}`}` : 'GraphQL Operation');
  span.setAttributes({
    ...(known ? { 'graphql.operation.type': summary.operationType } : {}),
    ...(summary.operationName === '' ? {} : { 'graphql.operation.name': summary.operationName }),
    'switchyard.request_id': summary.requestId,
    'switchyard.upstream_calls': summary.upstreamCalls,
  });
  if (summary.outcome === 'error') {
    span.setAttribute('switchyard.error_codes', [...summary.errorCodes]);
    span.setStatus({ code: SpanStatusCode.ERROR, message: summary.errorCodes.join(', ') });
  }
}
