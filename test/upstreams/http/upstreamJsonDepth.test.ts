import { describe, expect, it } from 'vitest';
import { startTestGateway } from '../../helpers/startTestGateway.js';
import { useTestGateway } from '../../helpers/useTestGateway.js';

const both = `{ project: gitlabProject(idOrPath: "acme/api") { name } me: circleciMe { login } }`;
const projectPath = '/projects/acme%2Fapi$';

describe('bounded nesting of upstream JSON', () => {
  const t = useTestGateway();

  it('cuts off 10 MB of nested arrays at the limit: an UPSTREAM_ERROR for its fields only, and no failure of the service', async () => {
    await t.fault('gitlab', { path: projectPath, raw: [{ text: '[', repeat: 10_000_000 }] });
    for (let i = 0; i < 6; i++) {
      const result = await t.gql(both);
      expect(result.data).toEqual({ project: null, me: { login: expect.any(String) } });
      expect(result.errors).toEqual([
        expect.objectContaining({ path: ['project'], message: 'GitLab answered JSON nested more than 64 levels deep', extensions: { code: 'UPSTREAM_ERROR', service: 'gitlab' } }),
      ]);
    }
    // The service answered each time: its circuit is still closed.
    await t.clearFaults();
    expect((await t.gql(both)).data).toEqual({ project: { name: 'Api' }, me: { login: expect.any(String) } });
  });

  it('cuts off nested arrays inside a field of a valid project', async () => {
    await t.fault('gitlab', {
      path: projectPath,
      raw: [{ text: '{"id":1,"name":"api","description":' }, { text: '[', repeat: 1_000_000 }, { text: ']', repeat: 1_000_000 }, { text: '}' }],
    });
    const result = await t.gql(both);
    expect(result.data?.['project']).toBeNull();
    expect(result.errors?.[0]?.message).toBe('GitLab answered JSON nested more than 64 levels deep');
  });

  it('counts no bracket inside a string', async () => {
    const origin = t.simulators.gitlab.simulator.origin;
    const real = (await (await fetch(`${origin}/api/v4/projects/acme%2Fapi`, { headers: { 'private-token': 'demo-gitlab-token' } })).json()) as Record<string, unknown>;
    await t.fault('gitlab', { path: projectPath, status: 200, body: { ...real, description: `${'[{'.repeat(500)} \\" ${'['.repeat(500)}` } });
    const result = await t.gql(`{ gitlabProject(idOrPath: "acme/api") { name description } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.['gitlabProject'].description).toMatch(/^\[\{\[\{/);
  });
});

describe('UPSTREAM_MAX_JSON_DEPTH', () => {
  it('sets the limit: a body at it is read, one level more is cut off', async () => {
    const strict = await startTestGateway({ env: { UPSTREAM_MAX_JSON_DEPTH: '3' } });
    try {
      await strict.fault('gitlab', { path: projectPath, raw: [{ text: '{"a":[[1]]}' }], times: 1 });
      // Read, parsed, then refused for its shape.
      expect((await strict.gql(both)).errors?.[0]?.message).toBe('Unexpected response from GitLab');
      await strict.fault('gitlab', { path: projectPath, raw: [{ text: '{"a":[[[1]]]}' }], times: 1 });
      expect((await strict.gql(both)).errors?.[0]?.message).toBe('GitLab answered JSON nested more than 3 levels deep');
    } finally {
      await strict.close();
    }
  });
});
