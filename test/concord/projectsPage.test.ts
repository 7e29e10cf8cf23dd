import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLoaders } from '../../src/upstreams/Loaders.js';
import { Upstreams } from '../../src/upstreams/Upstreams.js';
import { startSimulators, type RunningSimulators } from '../../src/simulators/startSimulators.js';

let sims: RunningSimulators;
let upstreams: Upstreams;
beforeAll(async () => {
  sims = await startSimulators();
  upstreams = new Upstreams(loadConfig({ CONCORD_URL: sims.urls.concord ?? '', CONCORD_ORGS: 'acme, globex' }));
});
afterAll(async () => {
  await upstreams.close();
  await sims.close();
});
beforeEach(() => {
  sims.concord.simulator.clearRequests();
});

const concord = () => createLoaders(upstreams, { concord: 'demo-concord-token' }, undefined).concord;

describe('ConcordLoaders.projectsPage', () => {
  it('reads the organizations of CONCORD_ORGS in order, one native page per call', async () => {
    const loaders = concord();
    const first = await loaders.projectsPage(null, 2, {});
    expect(first.items.map((p) => `${p.orgName}/${p.name}`)).toEqual(['acme/acme-api', 'acme/acme-jobs']);
    expect(first.next).toBe('0:2');
    const second = await loaders.projectsPage(first.next, 2, {});
    expect(second.items.map((p) => p.name)).toEqual(['acme-web']);
    expect(second.next).toBe('1:0');
    const third = await loaders.projectsPage(second.next, 2, {});
    expect(third.items.map((p) => `${p.orgName}/${p.name}`)).toEqual(['globex/globex-billing']);
    expect(third.next).toBeNull();
    expect(sims.concord.simulator.requests().map((r) => [r.path, r.query])).toEqual([
      ['/api/v1/org/acme/project', { offset: '0', limit: '2' }],
      ['/api/v1/org/acme/project', { offset: '2', limit: '2' }],
      ['/api/v1/org/globex/project', { offset: '0', limit: '2' }],
    ]);
  });

  it('passes the name filter, and defaults to the Default organization', async () => {
    const local = new Upstreams(loadConfig({ CONCORD_URL: sims.urls.concord ?? '' }));
    try {
      expect(local.config.concordOrgs).toEqual(['Default']);
      const page = await createLoaders(local, { concord: 'demo-concord-token' }, undefined).concord.projectsPage(null, 5, { name: 'pay' });
      expect(page.items.map((p) => p.name)).toEqual(['payments']);
      expect(sims.concord.simulator.requests()[0]?.query).toEqual({ offset: '0', limit: '5', filter: 'pay' });
    } finally {
      await local.close();
    }
  });

  it('refuses a token it did not make', async () => {
    await expect(concord().projectsPage('garbage', 2, {})).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(sims.concord.simulator.requests()).toEqual([]);
  });
});
