import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamHttp } from '../../src/upstreams/http/UpstreamHttp.js';
import { UpstreamSession } from '../../src/upstreams/http/UpstreamSession.js';
import { GitLabLoaders } from '../../src/upstreams/gitlab/loaders.js';
import { gitLabProtocol } from '../../src/upstreams/gitlab/protocol.js';
import { createGitLabSimulator, type GitLabSimulator } from '../../src/simulators/gitlab/createGitLabSimulator.js';

let sim: GitLabSimulator;
let http: UpstreamHttp;
beforeAll(async () => {
  sim = createGitLabSimulator();
  const url = await sim.simulator.listen(0);
  http = new UpstreamHttp({ config: { url, token: undefined }, protocol: gitLabProtocol, timeoutMs: 2000, maxResponseBytes: 1_048_576 });
});
afterAll(async () => {
  await http.close();
  await sim.simulator.close();
});

const loadersFor = (token: string): GitLabLoaders => new GitLabLoaders(new UpstreamSession(http, token, undefined, 'gitlab'));

describe('GitLabLoaders.projectsPage (for lists across services)', () => {
  it("reads the user's member projects page by page in id order, following the Link token", async () => {
    sim.simulator.clearRequests();
    const loaders = loadersFor('demo-gitlab-token');
    const ids: number[] = [];
    let token: string | null = null;
    for (let round = 0; round < 20; round++) {
      const page = await loaders.projectsPage(token, 4, {});
      ids.push(...page.items.map((project) => project.id));
      token = page.next;
      if (token === null) break;
    }
    const store = sim.store;
    const ada = store.userByToken('demo-gitlab-token') ?? null;
    expect(ids).toEqual(store.projects.filter((project) => store.accessLevel(ada, project) >= 10).map((project) => project.id));
    const queries = sim.simulator.requests().map((r) => r.query);
    expect(queries[0]).toEqual({ pagination: 'keyset', order_by: 'id', sort: 'asc', per_page: '4', membership: 'true' });
    expect(queries[1]).toEqual({ pagination: 'keyset', order_by: 'id', sort: 'asc', per_page: '4', membership: 'true', id_after: String(ids[3]) });
    expect(queries).toHaveLength(Math.ceil(ids.length / 4));
  });

  it('filters by name with GitLab search, and reports no total (keyset pages have none)', async () => {
    sim.simulator.clearRequests();
    const page = await loadersFor('gitlab-token-grace').projectsPage(null, 10, { name: 'pay' });
    // GitLab's search matches the path and description too (acme/billing: "Invoices and payments").
    expect(page.items.map((project) => project.pathWithNamespace)).toEqual(['acme/billing', 'globex/payments']);
    expect(page.next).toBeNull();
    expect(page.totalCount).toBeUndefined();
    expect(sim.simulator.requests()[0]?.query).toMatchObject({ membership: 'true', search: 'pay' });
  });
});
