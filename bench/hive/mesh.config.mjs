// Mesh Compose: one subgraph, CircleCI API v2 from its OpenAPI spec, calling the simulator.
import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

export const composeConfig = defineConfig({
  subgraphs: [
    {
      sourceHandler: loadOpenAPISubgraph('CircleCI', {
        source: process.env.SPEC_URL,
        endpoint: process.env.CIRCLECI_URL,
        operationHeaders: { 'Circle-Token': process.env.CIRCLECI_TOKEN },
      }),
    },
  ],
});
