import { connect } from 'node:net';

/** What came back on a raw connection. */
export interface RawAnswer {
  /** The status of the first response, or undefined when none arrived. */
  readonly status: number | undefined;
  /** Everything the server sent. */
  readonly text: string;
  /** True when the answer did not arrive within the time allowed. */
  readonly timedOut: boolean;
}

/**
 * Writes bytes on a new TCP connection to the server of `url`, half-closes
 * it, and collects what the server sends until it closes (or the time is up).
 * For requests no HTTP client library would send.
 */
export function rawExchange(url: string, bytes: string | Buffer, timeoutMs = 5_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let timedOut = false;
    const socket = connect({ host: hostname, port: Number(port), allowHalfOpen: true });
    const timer = setTimeout(() => {
      timedOut = true;
      socket.destroy();
    }, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: match === null ? undefined : Number(match[1]), text, timedOut });
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', finish);
    socket.on('connect', () => {
      socket.write(bytes);
      socket.end();
    });
  });
}

/** A request of `line` (e.g. `GET // HTTP/1.1`) with a Host header and the given extra header lines. */
export function rawRequest(line: string, headers: readonly string[] = []): string {
  return [line, 'Host: 127.0.0.1', 'Connection: close', ...headers, '', ''].join('\r\n');
}
