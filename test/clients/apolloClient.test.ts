import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { createApolloClient } from '../../examples/clients/apolloClient.js';
import { useTestGateway } from '../helpers/useTestGateway.js';
import { everyProjectId } from './everyProject.js';

const apiKey = 'apollo-client-test-key-0001';
// The production posture: clients authenticate with an API key.
const t = useTestGateway({ env: { GATEWAY_API_KEYS: apiKey } });

const projectsPage = gql`
  query ProjectsPage($first: Int!, $after: String) {
    projects(first: $first, after: $after) {
      edges { cursor node { id ...Card } }
      pageInfo { hasNextPage endCursor }
    }
  }
  fragment Card on Project {
    service name
    members(first: 3) { totalCount edges { node { name role ... on GitLabMember { accessLevel } } } }
    ... on GitLabProject { projectId }
  }
`;

const card = gql`
  fragment CardRead on Project { name ... on GitLabProject { projectId } }
`;

interface Page {
  readonly projects: { readonly edges: readonly { node: { id: string; service: string; members: { edges: { node: Record<string, unknown> }[] } | null } }[]; readonly pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

describe('the Apollo Client set-up of examples/clients against the demo', () => {
  it('walks projects two at a time into one list, equal to the whole list, with no duplicate and none missing', async () => {
    const client = createApolloClient(t.url, { 'x-api-key': apiKey });
    let result = await client.query<Page>({ query: projectsPage, variables: { first: 2 } });
    let pages = 1;
    while (result.data?.projects.pageInfo.hasNextPage === true) {
      result = await client.query<Page>({ query: projectsPage, variables: { first: 2, after: result.data.projects.pageInfo.endCursor }, fetchPolicy: 'network-only' });
      pages += 1;
    }
    const walked = result.data?.projects.edges.map((edge) => edge.node.id) ?? [];
    expect(pages).toBeGreaterThan(2);
    expect(walked).toEqual(await everyProjectId(t, { 'x-api-key': apiKey }));
    // The cache holds the merged list under the field whatever page was asked last.
    expect(client.readQuery<Page>({ query: projectsPage, variables: { first: 2 } })?.projects.edges.map((edge) => edge.node.id)).toEqual(walked);
  });

  it("matches fragments on the shared interfaces to each service's types (possibleTypes), where a cache without them cannot", async () => {
    const client = createApolloClient(t.url, { 'x-api-key': apiKey });
    const { data } = await client.query<Page>({ query: projectsPage, variables: { first: 6 } });
    const gitlab = data?.projects.edges.find((edge) => edge.node.service === 'GITLAB')?.node;
    expect(gitlab?.members?.edges[0]?.node).toEqual({ __typename: 'GitLabMember', name: expect.any(String), role: expect.any(String), accessLevel: expect.any(String) });
    const from = { __typename: 'GitLabProject', id: gitlab?.id ?? '' };
    const read = client.readFragment({ from, fragment: card });
    expect(read).toEqual({ __typename: 'GitLabProject', name: expect.any(String), projectId: expect.any(Number) });

    const bare = new ApolloClient({ link: new HttpLink({ uri: t.url, headers: { 'x-api-key': apiKey } }), cache: new InMemoryCache() });
    await bare.query({ query: projectsPage, variables: { first: 6 } });
    // Without them, fields selected on the interface are not matched to the project's type.
    expect(bare.readFragment({ from, fragment: card })).not.toHaveProperty('name');
  });
});
