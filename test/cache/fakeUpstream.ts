import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake upstream received. */
export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly search: string;
  readonly token: string;
}

/** A forced answer for paths matching `path`. */
export interface FakeAnswer {
  readonly path: RegExp;
  readonly method?: string;
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly delayMs?: number;
  /** How many requests it applies to; every one when absent. */
  times?: number;
}

/**
 * A loopback HTTP server answering any GET with a JSON body naming the path,
 * the credential and a serial number (so a test can tell a cached answer from
 * a new one), and any write with `{}`; answers can be forced per path.
 */
export interface FakeUpstream {
  readonly url: string;
  readonly requests: FakeRequest[];
  answer(answer: FakeAnswer): void;
  gets(path?: string): FakeRequest[];
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeUpstream(): Promise<FakeUpstream> {
  const requests: FakeRequest[] = [];
  let answers: FakeAnswer[] = [];
  let serial = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const header = req.headers['circle-token'] ?? req.headers['private-token'] ?? req.headers['authorization'] ?? '';
    const token = Array.isArray(header) ? (header[0] ?? '') : header;
    const method = req.method ?? 'GET';
    requests.push({ method, path: url.pathname, search: url.search, token });
    const forced = answers.find((a) => (a.method === undefined || a.method === method) && a.path.test(url.pathname) && (a.times === undefined || a.times > 0));
    if (forced?.times !== undefined) forced.times--;
    serial++;
    const body = forced?.body ?? (method === 'GET' ? { path: url.pathname, search: url.search, token, serial } : {});
    const send = (): void => {
      res.statusCode = forced?.status ?? 200;
      res.setHeader('content-type', 'application/json');
      for (const [name, value] of Object.entries(forced?.headers ?? {})) res.setHeader(name, value);
      res.end(JSON.stringify(body));
    };
    req.resume();
    req.on('end', () => (forced?.delayMs === undefined ? send() : setTimeout(send, forced.delayMs)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (answer) => answers.push(answer),
    gets: (path) => requests.filter((r) => r.method === 'GET' && (path === undefined || r.path === path)),
    reset() {
      requests.length = 0;
      answers = [];
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
