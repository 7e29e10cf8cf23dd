/** The five upstream services the gateway federates. */
export const serviceNames = ['circleci', 'ghes', 'gitlab', 'concord', 'flexstack'] as const;

/** One of the five upstream services, by its config name. */
export type ServiceName = (typeof serviceNames)[number];

/** Human-readable service names, for messages. */
export const serviceLabels: Readonly<Record<ServiceName, string>> = {
  circleci: 'CircleCI',
  ghes: 'GitHub Enterprise Server',
  gitlab: 'GitLab',
  concord: 'Concord',
  flexstack: 'FlexStack',
};
