import type { ContractCase } from './ContractCase.js';

type Sim = Parameters<ContractCase['request']>[0];
const firstPipeline = (sim: Sim) => sim.store.pipelines.find((p) => p.projectSlug === 'gh/acme/api')!;
const openContinuation = (sim: Sim) => [...sim.store.continuations.entries()].find(([, c]) => !c.used)![0];

export const cases: ContractCase[] = [
  { operationId: 'getProjectBySlug', request: () => ({ method: 'GET', path: '/project/gh/acme/api' }) },
  { operationId: 'listPipelinesForProject', request: () => ({ method: 'GET', path: '/project/gh/acme/api/pipeline' }) },
  { operationId: 'listMyPipelines', request: () => ({ method: 'GET', path: '/project/gh/acme/api/pipeline/mine' }) },
  { operationId: 'getPipelineByNumber', request: () => ({ method: 'GET', path: '/project/gh/acme/api/pipeline/3' }) },
  { operationId: 'listPipelines', request: () => ({ method: 'GET', path: '/pipeline', query: { 'org-slug': 'gh/acme', mine: 'true' } }) },
  { operationId: 'getPipelineById', request: (sim) => ({ method: 'GET', path: `/pipeline/${firstPipeline(sim).id}` }) },
  { operationId: 'getPipelineConfigById', request: (sim) => ({ method: 'GET', path: `/pipeline/${firstPipeline(sim).id}/config` }) },
  { operationId: 'listWorkflowsByPipelineId', request: (sim) => ({ method: 'GET', path: `/pipeline/${firstPipeline(sim).id}/workflow` }) },
  { operationId: 'getWorkflowById', request: (sim) => ({ method: 'GET', path: `/workflow/${sim.store.workflows[0]!.id}` }) },
  {
    operationId: 'triggerPipeline',
    request: () => ({ method: 'POST', path: '/project/gh/acme/web/pipeline', body: { branch: 'feature/x', parameters: { deploy: true, retries: 2 } } }),
  },
  {
    operationId: 'continuePipeline',
    request: (sim) => ({
      method: 'POST',
      path: '/pipeline/continue',
      body: { 'continuation-key': openContinuation(sim), configuration: 'version: 2.1\nworkflows: {}\n', parameters: { deploy: false } },
    }),
  },
];
