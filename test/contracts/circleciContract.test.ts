import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCircleCiSimulator, type CircleCiSimulator } from '../../src/simulators/circleci/createCircleCiSimulator.js';
import { buildPath } from '../../src/upstreams/buildPath.js';
import { circleCiOperations } from '../../src/upstreams/circleci/operations.js';
import type { ContractCase } from './circleci/ContractCase.js';
import { OpenApiSpec } from './openapi.js';

const spec = new OpenApiSpec(new URL('./circleci-v2.openapi.json', import.meta.url).pathname);
const caseFiles = readdirSync(new URL('./circleci/', import.meta.url)).filter((file) => file.endsWith('.cases.ts')).sort();
const cases: ContractCase[] = [];
for (const file of caseFiles) {
  const module = (await import(`./circleci/${file}`)) as { cases: ContractCase[] };
  cases.push(...module.cases);
}

let sim: CircleCiSimulator;
let base: string;
beforeAll(async () => {
  sim = createCircleCiSimulator();
  base = await sim.simulator.listen(0);
});
afterAll(async () => {
  await sim.simulator.close();
});

describe('the CircleCI simulator answers as the OpenAPI spec says', () => {
  it('has an operation in the table for every operation of the spec, with its method and path', () => {
    const table = Object.values(circleCiOperations).map((operation) => `${operation.method} ${operation.path} (${operation.id})`);
    expect(table.sort()).toEqual(spec.operations().map((operation) => `${operation.method} ${operation.path} (${operation.operationId})`).sort());
  });

  it('has a contract case for every operation of the table', () => {
    const covered = new Set(cases.map((c) => c.operation.id));
    expect(Object.keys(circleCiOperations).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(cases.map((c) => [c.operation.id, c] as const))('%s', async (_id, contractCase) => {
    const { operation } = contractCase;
    const request = contractCase.request(sim);
    expect(Object.keys(request.query ?? {}).filter((name) => !(operation.query ?? []).includes(name)), 'query names the operation does not declare').toEqual([]);
    const url = new URL(base + buildPath(operation, request.path));
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
    const response = await fetch(url, {
      method: operation.method,
      headers: { 'circle-token': 'demo-circleci-token', ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
    const text = await response.text();
    expect(spec.successStatuses(operation.id), text).toContain(response.status);
    const body: unknown = text === '' ? null : JSON.parse(text);
    expect(spec.validate(operation.id, response.status, body)).toEqual([]);
    // What the simulator answers, the gateway accepts: the table's shape of the answer holds too.
    expect(operation.response?.check(body) ?? null).toBeNull();
  });

  it('refuses a request without a token with 401 and a message body', async () => {
    const response = await fetch(`${base}/project/gh/acme/api`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'You must log in first.' });
  });
});
