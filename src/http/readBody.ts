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
export async function readBodyBytes(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const tooLarge = (): BodyTooLargeError => new BodyTooLargeError(`Request body is larger than ${limitBytes} bytes`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > limitBytes) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw error;
    throw new IncompleteBodyError('The request body ended before it was complete');
  }
  return Buffer.concat(chunks);
}

/** Reads a request body as UTF-8 text up to a size limit. */
export async function readBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  return (await readBodyBytes(req, limitBytes)).toString('utf8');
}
