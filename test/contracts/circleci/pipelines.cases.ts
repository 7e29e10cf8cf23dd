import type { ContractCase } from './ContractCase.js';

const firstPipeline = (sim: Parameters<ContractCase['request']>[0]) => sim.store.pipelines.find((p) => p.projectSlug === 'gh/acme/api')!;

export const cases: ContractCase[] = [
  { operationId: 'getProjectBySlug', request: () => ({ method: 'GET', path: '/project/gh/acme/api' }) },
  { operationId: 'listPipelinesForProject', request: () => ({ method: 'GET', path: '/project/gh/acme/api/pipeline' }) },
  { operationId: 'getPipelineById', request: (sim) => ({ method: 'GET', path: `/pipeline/${firstPipeline(sim).id}` }) },
  { operationId: 'listWorkflowsByPipelineId', request: (sim) => ({ method: 'GET', path: `/pipeline/${firstPipeline(sim).id}/workflow` }) },
  { operationId: 'getWorkflowById', request: (sim) => ({ method: 'GET', path: `/workflow/${sim.store.workflows[0]!.id}` }) },
];
