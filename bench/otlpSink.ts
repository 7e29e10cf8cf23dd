/**
 * A local OTLP/HTTP receiver that discards what it is sent: the other end of
 * the traced gateway in the peers benchmark. Counts requests and bytes so the
 * report can say that spans were exported.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running sink. */
export interface OtlpSink {
  /** The base endpoint, for `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  readonly url: string;
  /** Export requests and bytes received so far. */
  received(): { requests: number; bytes: number };
  close(): Promise<void>;
}

/** Starts the sink on a loopback port; every POST is read, dropped and answered 200. */
export async function startOtlpSink(): Promise<OtlpSink> {
  let requests = 0;
  let bytes = 0;
  const server = createServer((req, res) => {
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    req.on('end', () => {
      requests += 1;
      res.statusCode = 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => ({ requests, bytes }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
