import { request } from 'node:http';
import { request as requestTls } from 'node:https';

/**
 * Delivers one webhook as a service would: a POST without a connection pool
 * (so nothing is left open), resolving with the answer's status, or 0 when
 * the receiver could not be reached or did not answer within 10 s.
 */
export function postWebhook(url: string, body: string, headers: Readonly<Record<string, string>>): Promise<number> {
  return new Promise((resolve) => {
    const send = url.startsWith('https:') ? requestTls : request;
    const req = send(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent: false, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end(body);
  });
}
