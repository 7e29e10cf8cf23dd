import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GatewayError } from '../errors/GatewayError.js';
import { UnreachableCaseError } from '../errors/UnreachableCaseError.js';

/** ISO-8601 date-times, passed through as the upstream sent them. */
export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
      throw new GatewayError('BAD_USER_INPUT', `DateTime expects an ISO-8601 string, got ${JSON.stringify(value)}`);
    }
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || Number.isNaN(Date.parse(ast.value))) {
      throw new GatewayError('BAD_USER_INPUT', 'DateTime expects an ISO-8601 string');
    }
    return ast.value;
  },
});

function literalValue(ast: ValueNode, variables: Readonly<Record<string, unknown>> | null | undefined): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((value) => literalValue(value, variables));
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, literalValue(field.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    case Kind.ENUM:
      return ast.value;
    default:
      throw new UnreachableCaseError(ast);
  }
}

/** Any JSON value. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => literalValue(ast, variables),
});

/** A number or numeric text as a safe integer, or null when it is not one. */
function safeInteger(value: unknown): number | null {
  const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : null;
}

/**
 * Whole numbers up to 2^53 - 1 either way: an upstream's 64-bit numbers as
 * far as JSON carries them exactly (GraphQL's Int stops at 2^31 - 1). A value
 * beyond that range is refused rather than sent rounded.
 */
export const SafeInt = new GraphQLScalarType({
  name: 'SafeInt',
  serialize: (value) => {
    const number = safeInteger(value);
    if (number === null) throw new GraphQLError(`SafeInt cannot represent ${JSON.stringify(value)}: not a whole number within ±(2^53 - 1)`);
    return number;
  },
  parseValue: (value) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new GatewayError('BAD_USER_INPUT', `SafeInt expects a whole number within ±(2^53 - 1), got ${JSON.stringify(value)}`);
    }
    return value;
  },
  parseLiteral: (ast) => {
    const number = ast.kind === Kind.INT ? Number(ast.value) : Number.NaN;
    if (!Number.isSafeInteger(number)) throw new GatewayError('BAD_USER_INPUT', 'SafeInt expects a whole number within ±(2^53 - 1)');
    return number;
  },
});
