import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCircleCiSimulator, type CircleCiSimulator } from '../../src/simulators/circleci/createCircleCiSimulator.js';
import { contextState } from '../../src/simulators/circleci/admin/contexts.js';
import { OpenApiSpec } from './openapi.js';

const spec = new OpenApiSpec(new URL('./circleci-v2.openapi.json', import.meta.url).pathname);

let sim: CircleCiSimulator;
let base: string;
beforeAll(async () => {
  sim = createCircleCiSimulator();
  base = await sim.simulator.listen(0);
});
afterAll(async () => {
  await sim.simulator.close();
});

interface ErrorCase {
  readonly operationId: string;
  readonly status: number;
  readonly method: string;
  readonly path: (sim: CircleCiSimulator) => string;
  readonly body?: unknown;
  /** Another user's token, for answers about organizations the caller is not in. */
  readonly token?: string;
  /** The error body's key: most endpoints send `message`, OIDC and policy ones `error`. */
  readonly key: 'message' | 'error';
}

const acme = (s: CircleCiSimulator) => s.store.orgs.find((org) => org.slug === 'gh/acme')!.id;
const initech = (s: CircleCiSimulator) => s.store.orgs.find((org) => org.slug === 'gh/initech')!.id;
const deploy = (s: CircleCiSimulator) => contextState(s.store).contexts.find((c) => c.name === 'deploy-secrets' && c.ownerId === acme(s))!.id;
const unknown = '00000000-0000-4000-a000-000000000000';

const cases: ErrorCase[] = [
  { operationId: 'getContextRestrictions', status: 400, method: 'GET', path: () => '/context/not-a-uuid/restrictions', key: 'message' },
  { operationId: 'getContextRestrictions', status: 404, method: 'GET', path: () => `/context/${unknown}/restrictions`, key: 'message' },
  { operationId: 'createContextRestriction', status: 400, method: 'POST', path: (s) => `/context/${deploy(s)}/restrictions`, body: { restriction_type: 'team' }, key: 'message' },
  {
    operationId: 'createContextRestriction',
    status: 409,
    method: 'POST',
    path: (s) => `/context/${deploy(s)}/restrictions`,
    body: { restriction_type: 'expression', restriction_value: 'pipeline.git.branch == "main"' },
    key: 'message',
  },
  { operationId: 'deleteContextRestriction', status: 400, method: 'DELETE', path: (s) => `/context/${deploy(s)}/restrictions/nope`, key: 'message' },
  { operationId: 'deleteContextRestriction', status: 404, method: 'DELETE', path: (s) => `/context/${deploy(s)}/restrictions/${unknown}`, key: 'message' },
  { operationId: 'deleteContext', status: 404, method: 'DELETE', path: () => `/context/${unknown}`, key: 'message' },
  { operationId: 'createWebhook', status: 400, method: 'POST', path: () => '/webhook', body: { name: 'x', url: 'http://insecure' }, key: 'message' },
  { operationId: 'GetOrgClaims', status: 400, method: 'GET', path: () => '/org/acme/oidc-custom-claims', key: 'error' },
  { operationId: 'GetOrgClaims', status: 403, method: 'GET', path: (s) => `/org/${initech(s)}/oidc-custom-claims`, token: 'circleci-token-grace', key: 'error' },
  { operationId: 'PatchOrgClaims', status: 400, method: 'PATCH', path: (s) => `/org/${acme(s)}/oidc-custom-claims`, body: { ttl: '1 hour' }, key: 'error' },
  { operationId: 'DeleteProjectClaims', status: 400, method: 'DELETE', path: (s) => `/org/${acme(s)}/project/${s.store.projects[0]!.id}/oidc-custom-claims?claims=aud`, key: 'error' },
  { operationId: 'GetDecisionLogs', status: 400, method: 'GET', path: (s) => `/owner/${acme(s)}/context/config/decision?offset=-1`, key: 'error' },
  { operationId: 'GetDecisionLog', status: 404, method: 'GET', path: (s) => `/owner/${acme(s)}/context/config/decision/${unknown}`, key: 'error' },
  { operationId: 'GetDecisionSettings', status: 403, method: 'GET', path: (s) => `/owner/${initech(s)}/context/config/decision/settings`, token: 'circleci-token-grace', key: 'error' },
  { operationId: 'MakeDecision', status: 400, method: 'POST', path: (s) => `/owner/${acme(s)}/context/config/decision`, body: {}, key: 'error' },
  { operationId: 'CreatePolicyBundle', status: 400, method: 'POST', path: (s) => `/owner/${acme(s)}/context/config/policy-bundle`, body: { policies: { a: 'x' } }, key: 'error' },
  { operationId: 'GetPolicyDocument', status: 404, method: 'GET', path: (s) => `/owner/${acme(s)}/context/config/policy-bundle/missing`, key: 'error' },
  { operationId: 'createUsageExport', status: 400, method: 'POST', path: (s) => `/organizations/${acme(s)}/usage_export_job`, body: { start: 'x', end: 'y' }, key: 'message' },
  { operationId: 'createUsageExport', status: 404, method: 'POST', path: () => `/organizations/${unknown}/usage_export_job`, body: {}, key: 'message' },
  { operationId: 'getUsageExport', status: 404, method: 'GET', path: (s) => `/organizations/${acme(s)}/usage_export_job/${unknown}`, key: 'message' },
];

describe('the CircleCI simulator’s error answers match the spec’s declared error bodies', () => {
  it.each(cases.map((c) => [`${c.operationId} ${c.status}`, c] as const))('%s', async (_name, c) => {
    const response = await fetch(base + c.path(sim), {
      method: c.method,
      headers: { 'circle-token': c.token ?? 'demo-circleci-token', ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(c.body !== undefined ? { body: JSON.stringify(c.body) } : {}),
    });
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status, JSON.stringify(body)).toBe(c.status);
    expect(typeof body[c.key]).toBe('string');
    expect(spec.validate(c.operationId, c.status, body)).toEqual([]);
  });
});
