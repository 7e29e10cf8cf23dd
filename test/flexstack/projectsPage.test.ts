import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLoaders } from '../../src/upstreams/Loaders.js';
import { Upstreams } from '../../src/upstreams/Upstreams.js';
import { startSimulators, type RunningSimulators } from '../../src/simulators/startSimulators.js';

let sims: RunningSimulators;
let upstreams: Upstreams;
beforeAll(async () => {
  sims = await startSimulators();
  upstreams = new Upstreams(loadConfig({ FLEXSTACK_URL: sims.urls.flexstack ?? '' }));
});
afterAll(async () => {
  await upstreams.close();
  await sims.close();
});

describe('FlexStackLoaders.projectsPage', () => {
  it('reads native pages oldest first, following next_page', async () => {
    const loaders = createLoaders(upstreams, { flexstack: 'demo-flexstack-token' }, undefined).flexstack;
    const store = sims.flexstack.store;
    const names = store.projects.filter((p) => p.orgId === store.orgs[0]?.id).map((p) => p.name);
    const first = await loaders.projectsPage(null, 40, {});
    expect(first.items.map((p) => p.name)).toEqual(names.slice(0, 40));
    expect(first.next).not.toBeNull();
    const second = await loaders.projectsPage(first.next, 40, {});
    expect(second.items.map((p) => p.name)).toEqual(names.slice(40));
    expect(second.next).toBeNull();
    expect(sims.flexstack.simulator.requests().map((r) => r.query)).toEqual([
      { limit: '40', sort: '+created_at' },
      { limit: '40', after: first.next, sort: '+created_at' },
    ]);
  });
});
