import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCircleCiSimulator, type CircleCiSimulator } from '../../src/simulators/circleci/createCircleCiSimulator.js';
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
  it('has a contract case for every operation of the spec', () => {
    const covered = new Set(cases.map((c) => c.operationId));
    const missing = spec.operations().filter((operation) => !covered.has(operation.operationId));
    expect(missing.map((operation) => `${operation.method} ${operation.path} (${operation.operationId})`)).toEqual([]);
  });

  it.each(cases.map((c) => [c.operationId, c] as const))('%s', async (operationId, contractCase) => {
    const request = contractCase.request(sim);
    const url = new URL(base + request.path);
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
    expect(request.method).toBe(spec.operation(operationId).method);
    const response = await fetch(url, {
      method: request.method,
      headers: { 'circle-token': 'demo-circleci-token', ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
    const text = await response.text();
    expect(spec.successStatuses(operationId), text).toContain(response.status);
    const body: unknown = text === '' ? null : JSON.parse(text);
    expect(spec.validate(operationId, response.status, body)).toEqual([]);
  });

  it('refuses a request without a token with 401 and a message body', async () => {
    const response = await fetch(`${base}/project/gh/acme/api`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'You must log in first.' });
  });
});
