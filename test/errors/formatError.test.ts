import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/errors/formatError.js';
import { GatewayError } from '../../src/errors/GatewayError.js';

describe('formatError', () => {
  it('masks an error with no known code, keeping only its path', () => {
    const leaked = new GraphQLError('connect ECONNREFUSED 10.0.0.1 token=abc', { path: ['a'] });
    expect(formatError({ message: leaked.message, path: ['a'], extensions: { stacktrace: ['x'] } }, leaked)).toEqual({
      message: 'Internal server error',
      path: ['a'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('masks the message of an error Apollo coded INTERNAL_SERVER_ERROR for want of a code', () => {
    const thrown = new Error('(intermediate value).map is not a function');
    expect(formatError({ message: thrown.message, path: ['b'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, thrown)).toEqual({
      message: 'Internal server error',
      path: ['b'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('passes a gateway error through without its stack trace', () => {
    const error = new GatewayError('NOT_FOUND', 'CircleCI: Project not found', { service: 'circleci', status: 404 });
    const formatted = formatError({ message: error.message, extensions: { ...error.extensions, stacktrace: ['x'] } }, error);
    expect(formatted).toEqual({
      message: 'CircleCI: Project not found',
      extensions: { code: 'NOT_FOUND', service: 'circleci', status: 404 },
    });
  });
});
