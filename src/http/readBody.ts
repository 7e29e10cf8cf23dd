import type { IncomingMessage } from 'node:http';

/** The request body is larger than allowed. */
export class BodyTooLargeError extends Error {}

/** The request body ended before its declared length, or its connection failed while it was read. */
export class IncompleteBodyError extends Error {}

/**
 * Reads a request body's bytes up to a size limit; a declared
 * `content-length` over the limit is refused before anything is read, and a
 * body cut short throws {@link IncompleteBodyError}.
 */
export function readBodyBytes(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const tooLarge = (): BodyTooLargeError => new BodyTooLargeError(`Request body is larger than ${limitBytes} bytes`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.reject(tooLarge());
  // Events, not `for await`: an async iterator costs a promise per chunk on every request.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    // The error is made only when it is the outcome: 'close' follows every body, complete or not.
    const fail = (error: () => Error): void => {
      if (settled) return;
      settled = true;
      reject(error());
    };
    const incomplete = (): Error => new IncompleteBodyError('The request body ended before it was complete');
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limitBytes) {
        fail(tooLarge);
        // As a `for await` left early would: nothing more of this body is read.
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    });
    req.once('error', () => fail(incomplete));
    req.once('close', () => fail(incomplete));
  });
}

/** Reads a request body as UTF-8 text up to a size limit. */
export async function readBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  return (await readBodyBytes(req, limitBytes)).toString('utf8');
}
