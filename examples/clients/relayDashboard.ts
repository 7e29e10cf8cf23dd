import { graphql } from 'relay-runtime';

// relay-compiler compiles these into __generated__/ (relay.config.json); the app imports the generated artifacts.
export const dashboardQuery = graphql`
  query relayDashboardQuery {
    ...relayDashboard_projects
  }
`;

export const projectsFragment = graphql`
  fragment relayDashboard_projects on Query
  @argumentDefinitions(first: { type: "Int", defaultValue: 5 }, after: { type: "String" })
  @refetchable(queryName: "relayDashboardProjectsPaginationQuery") {
    projects(first: $first, after: $after) @connection(key: "relayDashboard_projects") {
      edges { node { ...relayDashboard_card } }
    }
  }
`;

export const cardFragment = graphql`
  fragment relayDashboard_card on Project {
    service name fullName
    members(first: 3) { totalCount edges { node { name role ... on GitLabMember { accessLevel } } } }
    webhooks(first: 3) { edges { node { url active } } }
    latestPipeline { status runState }
  }
`;
