/**
 * Read (a) of the peers benchmark: a CircleCI pipeline by id and its
 * workflows, two REST calls (`GET /pipeline/{id}`, `GET /pipeline/{id}/workflow`).
 */
import type { Agent } from 'undici';
import { getJson } from '../measure.js';
import { required, type GraphqlForm, type Read, type Upstreams } from './Read.js';

const slug = 'gh/acme/api';
/** A finished pipeline of the seed (its workflows are done), so the warm cache keeps it for the finished-run TTL. */
const pipelineNumber = 43;

interface Workflow {
  readonly id: string;
  readonly name: string;
  readonly status: string;
}

const summary = (id: string, number: number, state: string, workflows: readonly Workflow[]): string =>
  `${id} #${number} ${state.toLowerCase()}: ${workflows
    .map((w) => `${w.id} ${w.name} ${w.status.toLowerCase()}`)
    .sort()
    .join(', ')}`;

/** Finds the pipeline to read, then describes the read on every target. */
export async function pipelineRead(upstreams: Upstreams, agent: Agent): Promise<Read> {
  const base = required(upstreams.urls, 'circleci');
  const headers = { 'circle-token': required(upstreams.tokens, 'circleci'), accept: 'application/json' };
  const { id } = (await getJson(agent, `${base}/project/${slug}/pipeline/${pipelineNumber}`, headers)) as { id: string };
  const variables = { id };
  const switchyardForm: GraphqlForm = {
    body: JSON.stringify({
      query: 'query Pipeline($id: ID!) { circleciPipeline(id: $id) { id pipelineId number state workflows { edges { node { id workflowId name status } } } } }',
      variables,
    }),
    summarize(data) {
      const p = (data as { circleciPipeline: { pipelineId: string; number: number; state: string; workflows: { edges: { node: { workflowId: string; name: string; status: string } }[] } } })
        .circleciPipeline;
      return summary(p.pipelineId, p.number, p.state, p.workflows.edges.map(({ node }) => ({ id: node.workflowId, name: node.name, status: node.status })));
    },
  };
  return {
    name: 'pipeline',
    title: `CircleCI pipeline ${slug} #${pipelineNumber} by id + its workflows (REST: GET /pipeline/{id}, GET /pipeline/{id}/workflow)`,
    depth: 1,
    // What a plain REST client does: one call, then the other.
    async direct(client) {
      const pipeline = (await getJson(client, `${base}/pipeline/${id}`, headers)) as { id: string; number: number; state: string };
      const workflows = (await getJson(client, `${base}/pipeline/${id}/workflow`, headers)) as { items: Workflow[] };
      return summary(pipeline.id, pipeline.number, pipeline.state, workflows.items);
    },
    forms: {
      switchyard: switchyardForm,
      // bench/floor answers this same request by its variables, with no GraphQL at all.
      floor: switchyardForm,
      // Hive Gateway's schema is generated from the OpenAPI spec (its type names too): one root field per operation, called side by side.
      hive: {
        body: JSON.stringify({
          query: `query Pipeline($id: UUID!) {
  getPipelineById(pipeline_id: $id) { ... on query_getPipelineById_oneOf_0 { id number state } }
  listWorkflowsByPipelineId(pipeline_id: $id) { ... on WorkflowListResponse { items { id name status } } }
}`,
          variables,
        }),
        summarize(data) {
          const answer = data as { getPipelineById: { id: string; number: number; state: string }; listWorkflowsByPipelineId: { items: Workflow[] } };
          const p = answer.getPipelineById;
          return summary(p.id, p.number, p.state, answer.listWorkflowsByPipelineId.items);
        },
      },
      // bench/tailcall/circleci.graphql: the workflows field calls with the id of the pipeline it belongs to.
      tailcall: {
        body: JSON.stringify({
          query: 'query Pipeline($id: String!) { circleciPipeline(id: $id) { id number state workflows { items { id name status } } } }',
          variables,
        }),
        summarize(data) {
          const p = (data as { circleciPipeline: { id: string; number: number; state: string; workflows: { items: Workflow[] } } }).circleciPipeline;
          return summary(p.id, p.number, p.state, p.workflows.items);
        },
      },
    },
  };
}
