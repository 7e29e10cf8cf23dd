import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyTooLargeError, IncompleteBodyError, readBodyBytes } from '../../src/http/readBody.js';

const limit = 64;
let server: Server;
let port: number;
/** What the handler's read of the next request gave: the body, or the error's class. */
let next: ((outcome: string) => void) | undefined;

const outcome = (): Promise<string> => new Promise((resolve) => (next = resolve));

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    readBodyBytes(req, limit).then(
      (body) => {
        next?.(`body:${body.toString('utf8')}`);
        res.end('ok');
      },
      (error: unknown) => {
        next?.(error instanceof BodyTooLargeError ? 'too large' : error instanceof IncompleteBodyError ? 'incomplete' : `other:${String(error)}`);
        res.destroy();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Sends raw bytes in pieces, a tick apart, then leaves the socket open or closes it. */
async function send(pieces: readonly string[], close: boolean): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('connect', resolve));
  for (const piece of pieces) {
    socket.write(piece);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (close) socket.destroy();
  else setTimeout(() => socket.destroy(), 500);
}

const head = (headers: string): string => `POST /x HTTP/1.1\r\nHost: a\r\n${headers}\r\n`;

describe('reading a request body', () => {
  it('gathers a body sent in pieces', async () => {
    const read = outcome();
    await send([head('Content-Length: 11\r\n'), 'hello', ' world'], false);
    expect(await read).toBe('body:hello world');
  });

  it('refuses a declared length over the limit before reading', async () => {
    const read = outcome();
    await send([head(`Content-Length: ${limit + 1}\r\n`)], false);
    expect(await read).toBe('too large');
  });

  it('refuses a chunked body once it passes the limit', async () => {
    const read = outcome();
    const chunk = 'x'.repeat(40);
    await send([head('Transfer-Encoding: chunked\r\n'), `28\r\n${chunk}\r\n`, `28\r\n${chunk}\r\n`], false);
    expect(await read).toBe('too large');
  });

  it('says a body cut short by its connection is incomplete', async () => {
    const read = outcome();
    await send([head('Content-Length: 50\r\n'), 'only this much'], true);
    expect(await read).toBe('incomplete');
  });
});
