import { describe, expect, it } from 'vitest';
import { CachePolicy } from '../../src/cache/CachePolicy.js';
import type { ServiceName } from '../../src/config/ServiceName.js';
import type { UpstreamSession } from '../../src/upstreams/http/UpstreamSession.js';
import type { UpstreamRequest } from '../../src/upstreams/http/types.js';
import { ConcordClient } from '../../src/upstreams/concord/client.js';
import { GhesClient } from '../../src/upstreams/ghes/client.js';
import { GitLabClient } from '../../src/upstreams/gitlab/client.js';

type ClientClass = new (session: UpstreamSession) => object;

const clients: readonly (readonly [ServiceName, ClientClass])[] = [
  ['concord', ConcordClient],
  ['ghes', GhesClient],
  ['gitlab', GitLabClient],
];

/** Reads sent without a read rule on purpose (`service route-template`), and why. */
const uncached: Readonly<Record<string, string>> = {};

/** Helpers private to a client: they reach the session only through its operations. */
const helpers = new Set(['read', 'write', 'list', 'path', 'route']);

interface Sent {
  readonly method: string;
  readonly route: string | undefined;
}

/** A concrete path for a client's route template (`{name}` or `:name`). */
function samplePath(route: string): string {
  return route.replace(/\{[\w-]+\}|:[\w-]+/g, 'p1');
}

const stop = new Error('recorded');

/**
 * Calls every operation of a client with sample arguments (and with fewer,
 * for optional ones: OIDC claims are an organization's without a project),
 * recording what each would send; `silent` names those that sent nothing.
 */
async function sentBy(Client: ClientClass): Promise<{ sent: Sent[]; silent: string[] }> {
  const sent: Sent[] = [];
  const session = {
    get: (_path: string, _query: unknown, route?: string) => {
      sent.push({ method: 'GET', route });
      throw stop;
    },
    send: (req: UpstreamRequest) => {
      sent.push({ method: req.method, route: req.route });
      throw stop;
    },
  } as unknown as UpstreamSession;
  const client = new Client(session) as Record<string, unknown>;
  const silent: string[] = [];
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(client))) {
    const method = client[name];
    if (name === 'constructor' || helpers.has(name) || typeof method !== 'function') continue;
    const before = sent.length;
    // A slug-like value fills one encoded segment, a CircleCI slug's three, or a Concord cfg path; lists take it as their one item.
    for (const sample of ['gh/acme/api', ['gh/acme/api']]) {
      for (let count = 0; count <= Math.max(method.length, 1); count++) {
        try {
          await (method as (...args: unknown[]) => unknown).apply(client, Array.from({ length: count }, () => sample));
        } catch {
          // Stopped at the session, or sample arguments that do not fit: only what reached the session counts.
        }
      }
    }
    if (sent.length === before) silent.push(name);
  }
  return { sent, silent };
}

describe('read rule coverage', () => {
  const policy = new CachePolicy();

  it('every GET route template of the clients has a read rule, or is listed as uncached with a reason', async () => {
    const missing = new Set<string>();
    const reads = new Set<string>();
    for (const [service, Client] of clients) {
      const { sent, silent } = await sentBy(Client);
      expect(silent, `${Client.name} operations that sent nothing`).toEqual([]);
      for (const request of sent.filter((r) => r.method === 'GET')) {
        expect(request.route, `${Client.name}: a GET without its route template`).toMatch(/^\//);
        const id = `${service} ${request.route}`;
        reads.add(id);
        if (policy.classify(service, samplePath(request.route ?? '')).route === undefined && uncached[id] === undefined) missing.add(id);
      }
    }
    // The walk found the reads: one of each service at least.
    expect(new Set([...reads].map((id) => id.split(' ')[0]))).toEqual(new Set(['concord', 'ghes', 'gitlab']));
    expect([...missing]).toEqual([]);
    expect(Object.keys(uncached).filter((id) => !reads.has(id)), 'listed as uncached but never sent').toEqual([]);
  });
});
