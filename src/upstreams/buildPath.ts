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

// A run of percent-encoded bytes, decoded together so that a UTF-8 sequence becomes its character.
const percentRun = /(?:%[0-9A-Fa-f]{2})+/g;
const asciiByte = /%([0-7][0-9A-Fa-f])/g;
// What a server or proxy may take as a path separator.
const separators = /[/\\]/;

/**
 * The value percent-decoded once, as a server or proxy that decodes `%2F`
 * or `%5C` before routing reads it. A sequence that is not UTF-8 (where
 * decodeURIComponent throws) keeps its bytes above ASCII encoded.
 */
function decodedOnce(value: string): string {
  return value.replace(percentRun, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(asciiByte, (_whole, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    }
  });
}

/**
 * A `.` or `..` part the value holds when split on `/` and `\` as sent,
 * after one percent-decoding, after NFKC normalisation (`．．` is `..`), or
 * after both in either order; undefined when it holds none. No real name,
 * id or configuration path has such a component, and a front end that
 * decodes or normalises before routing would walk up the path with it.
 */
function hiddenDotSegment(value: string): string | undefined {
  const plain = printableAscii.test(value) && !value.includes('%');
  // Printable ASCII without % reads only as itself, and without a dot holds no dot segment: the usual value.
  if (plain && !value.includes('.')) return undefined;
  const decoded = plain ? value : decodedOnce(value);
  const readings = plain ? [value] : [value, decoded, value.normalize('NFKC'), decoded.normalize('NFKC'), decodedOnce(value.normalize('NFKC'))];
  for (const reading of readings) {
    for (const part of reading.split(separators)) if (part === '.' || part === '..') return part;
  }
  return undefined;
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
  const dots = hiddenDotSegment(value);
  if (dots !== undefined) throw refuse(name, param, `a "${dots}" path segment once split on / and \\, percent-decoded or normalised`);
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
 * that no argument can name a path other than its operation's: `.`, `..`
 * (also hidden: a part of the value, split on `/` and `\\`, that is one
 * once percent-decoded or NFKC-normalised), empty segments and control
 * characters are refused before any call, and `/`, `?`, `#` and `%` inside
 * a value stay inside it.
 */
export function buildPath(operation: AnyOperation, values: Readonly<Record<string, string | number>> | undefined): string {
  return operation.path.replace(templateParameter, (_whole, name: string) => {
    const value = values?.[name];
    if (value === undefined || value === null) throw new GatewayError('BAD_USER_INPUT', `"${name}" is required`);
    return encodeParam(name, value, (operation.params as Readonly<Record<string, PathParam>> | undefined)?.[name]);
  });
}
