import { circleCiOperations as ops } from '../../../src/upstreams/circleci/operations.js';
import type { ContractCase } from './ContractCase.js';

type Sim = Parameters<ContractCase['request']>[0];
const firstPipeline = (sim: Sim) => sim.store.pipelines.find((p) => p.projectSlug === 'gh/acme/api')!;
const openContinuation = (sim: Sim) => [...sim.store.continuations.entries()].find(([, c]) => !c.used)![0];
const api = { 'project-slug': 'gh/acme/api' };

export const cases: ContractCase[] = [
  { operation: ops.getProjectBySlug, request: () => ({ path: api }) },
  { operation: ops.listPipelinesForProject, request: () => ({ path: api }) },
  { operation: ops.listMyPipelines, request: () => ({ path: api }) },
  { operation: ops.getPipelineByNumber, request: () => ({ path: { ...api, 'pipeline-number': 3 } }) },
  { operation: ops.listPipelines, request: () => ({ query: { 'org-slug': 'gh/acme', mine: 'true' } }) },
  { operation: ops.getPipelineById, request: (sim) => ({ path: { 'pipeline-id': firstPipeline(sim).id } }) },
  { operation: ops.getPipelineConfigById, request: (sim) => ({ path: { 'pipeline-id': firstPipeline(sim).id } }) },
  { operation: ops.listWorkflowsByPipelineId, request: (sim) => ({ path: { 'pipeline-id': firstPipeline(sim).id } }) },
  { operation: ops.getWorkflowById, request: (sim) => ({ path: { id: sim.store.workflows[0]!.id } }) },
  {
    operation: ops.triggerPipeline,
    request: () => ({ path: { 'project-slug': 'gh/acme/web' }, body: { branch: 'feature/x', parameters: { deploy: true, retries: 2 } } }),
  },
  {
    operation: ops.continuePipeline,
    request: (sim) => ({
      body: { 'continuation-key': openContinuation(sim), configuration: 'version: 2.1\nworkflows: {}\n', parameters: { deploy: false } },
    }),
  },
];
