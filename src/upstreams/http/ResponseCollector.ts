import type { Dispatcher } from 'undici';
import { scanJsonDepth } from '../../http/scanJsonDepth.js';
import type { ResponseHeaders } from './types.js';

/** A body still arriving when its call's time was up. */
export class DeadlinePassed extends Error {}

/** A body larger than the client reads. */
export class BodyTooLarge extends Error {}

/** A JSON body nested deeper than the client reads. */
export class BodyTooDeep extends Error {}

/** One upstream answer as read: status, headers (lower-case names, repeated ones joined with `, `) and body text. */
export interface CollectedResponse {
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly text: string;
}

// scanJsonDepth's state before any byte; and "not seen whether it is JSON yet" and "not JSON".
const jsonStart = 0;
const undecided = -2;
const notJson = -3;

/** Where a body's JSON starts, when its first byte that is not white space opens JSON (as decodeBody sniffs it); -1 for none yet, -2 for not JSON. */
function jsonOffset(chunk: Buffer): number {
  for (let i = 0; i < chunk.length; i++) {
    const byte = chunk[i];
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
    return byte === 0x5b || byte === 0x7b || byte === 0x22 ? i : -2;
  }
  return -1;
}

/** Undici's raw header list as one object: lower-case names, a repeated header's values joined with `, `. */
function headersOf(raw: readonly (Buffer | string | string[])[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const rawName = raw[i] as Buffer | string;
    const rawValue = raw[i + 1] as Buffer | string | string[];
    const name = (typeof rawName === 'string' ? rawName : rawName.toString('latin1')).toLowerCase();
    const value = typeof rawValue === 'string' ? rawValue : Array.isArray(rawValue) ? rawValue.join(', ') : rawValue.toString('latin1');
    if (Object.hasOwn(headers, name)) headers[name] = `${headers[name] as string}, ${value}`;
    else if (name === '__proto__') Object.defineProperty(headers, name, { value, enumerable: true, configurable: true, writable: true });
    else headers[name] = value;
  }
  return headers;
}

/**
 * Reads one answer straight from undici's dispatcher, with no stream, event
 * emitter or async resource made per call: the status and headers, then the
 * body as text, read until `deadline` (a `performance.now()` time) and at
 * most `maxBytes`. Undici's body timeout bounds each pause, not the whole,
 * so a body that trickles is cut off here, at its first chunk past the
 * deadline. A JSON body (its content type says so; otherwise by its first
 * byte, as decodeBody decides) has its nesting followed as it arrives and is
 * cut off as soon as it passes `maxDepth`, before it costs the memory and
 * time of a parse. Settles `done` once: with the answer, or with undici's
 * error or one of {@link DeadlinePassed}, {@link BodyTooLarge}, {@link BodyTooDeep}.
 */
export class ResponseCollector implements Dispatcher.DispatchHandler {
  private status = 0;
  private headers: ResponseHeaders = {};
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private depth = undecided;
  private abort: ((error?: Error) => void) | undefined;

  constructor(
    private readonly deadline: number,
    private readonly maxBytes: number,
    private readonly maxDepth: number,
    private readonly resolve: (response: CollectedResponse) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  onConnect(abort: (error?: Error) => void): void {
    this.abort = abort;
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[] | string[] | null, _resume: () => void, _statusText: string): boolean {
    // A 1xx is not the answer.
    if (statusCode < 200) return true;
    this.status = statusCode;
    const headers = headersOf((rawHeaders ?? []) as (Buffer | string)[]);
    this.headers = headers;
    if (headers['content-type']?.includes('json') === true) this.depth = jsonStart;
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return this.stop(new BodyTooLarge());
    if (performance.now() > this.deadline) return this.stop(new DeadlinePassed());
    let { depth } = this;
    if (depth === undecided) {
      const offset = jsonOffset(chunk);
      if (offset >= 0) depth = scanJsonDepth(offset === 0 ? chunk : chunk.subarray(offset), jsonStart, this.maxDepth);
      else if (offset === -2) depth = notJson;
    } else if (depth >= 0) {
      depth = scanJsonDepth(chunk, depth, this.maxDepth);
    }
    this.depth = depth;
    if (depth === -1) return this.stop(new BodyTooDeep());
    this.chunks.push(chunk);
    return true;
  }

  onComplete(_trailers: string[] | null): void {
    const { chunks } = this;
    const text = chunks.length === 0 ? '' : chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks, this.size).toString('utf8');
    this.resolve({ status: this.status, headers: this.headers, text });
  }

  onError(error: Error): void {
    this.reject(error);
  }

  /** Ends the call with `error` (undici then reports it through onError); false stops reading. */
  private stop(error: Error): false {
    this.chunks.length = 0;
    if (this.abort === undefined) this.reject(error);
    else this.abort(error);
    return false;
  }
}
