import { GatewayError } from '../errors/GatewayError.js';
import type { AnyOperation, PathParam } from './operation.js';

// C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// A UTF-16 surrogate without its pair: no text, and encodeURIComponent would throw on it.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const templateParameter = /\{([^{}]+)\}/g;

// Printable ASCII only: neither a control character nor a surrogate, so neither check below is needed.
const printableAscii = /^[\u0020-\u007e]*$/;

/** Why a value cannot be one path segment, or null when it can. */
function segmentProblem(part: string): string | null {
  if (part === '') return 'an empty segment';
  if (part === '.' || part === '..') return `a "${part}" segment`;
  if (printableAscii.test(part)) return null;
  if (controlCharacters.test(part)) return 'a control character';
  if (loneSurrogate.test(part)) return 'an unpaired surrogate';
  return null;
}

function refuse(name: string, param: PathParam | undefined, problem: string): GatewayError {
  const expected = param?.shape === undefined ? '' : ` (expected ${param.shape})`;
  return new GatewayError('BAD_USER_INPUT', `"${name}" is not valid: it holds ${problem}${expected}`);
}

/** One parameter's value as encoded path text, or a BAD_USER_INPUT error naming what is wrong. */
export function encodeParam(name: string, raw: string | number, param: PathParam | undefined): string {
  const value = String(raw);
  if (typeof raw === 'number' && !Number.isSafeInteger(raw)) throw refuse(name, param, 'a number that is not a whole number');
  const spans = param?.segments !== undefined || param?.slashesEncoded === true;
  const parts = spans ? value.split('/') : [value];
  for (const part of parts) {
    const problem = segmentProblem(part);
    if (problem !== null) throw refuse(name, param, problem);
  }
  if (param?.segments !== undefined) {
    const [min, max] = typeof param.segments === 'number' ? [param.segments, param.segments] : param.segments;
    if (parts.length < min || parts.length > max) {
      throw refuse(name, param, `${parts.length} segment${parts.length === 1 ? '' : 's'}, not ${min === max ? min : `${min} to ${max}`}`);
    }
  }
  if (param?.pattern !== undefined && !param.pattern.test(value)) throw refuse(name, param, 'a value of another shape');
  return param?.segments !== undefined ? parts.map(encodeURIComponent).join('/') : encodeURIComponent(value);
}

/**
 * The path of one call to an operation: its template with every parameter
 * checked and percent-encoded. The only place path segments are encoded, so
 * that no argument can name a path other than its operation's: `.`, `..`,
 * empty segments and control characters are refused before any call, and
 * `/`, `?`, `#` and `%` inside a value stay inside it.
 */
export function buildPath(operation: AnyOperation, values: Readonly<Record<string, string | number>> | undefined): string {
  return operation.path.replace(templateParameter, (_whole, name: string) => {
    const value = values?.[name];
    if (value === undefined || value === null) throw new GatewayError('BAD_USER_INPUT', `"${name}" is required`);
    return encodeParam(name, value, (operation.params as Readonly<Record<string, PathParam>> | undefined)?.[name]);
  });
}
