/**
 * The FlexStack objects resolvers receive: camel-cased, decoded, with a
 * `__typename` that resolves the shared interfaces.
 */

/** The values this gateway knows (for decoding leniently). */
export const connectionStatuses = ['CONNECTED', 'DISCONNECTED', 'DISCONNECTING'] as const;
/** One of {@link connectionStatuses}, `UNKNOWN` for values newer than this gateway. */
export type ConnectionStatus = (typeof connectionStatuses)[number] | 'UNKNOWN';

/** The values this gateway knows (for decoding leniently). */
export const memberRoles = ['OWNER', 'CONTRIBUTOR', 'VIEWER'] as const;
/** One of {@link memberRoles}. */
export type MemberRole = (typeof memberRoles)[number];

/** The values this gateway knows (for decoding leniently). */
export const orgRoles = ['OWNER', 'ADMIN', 'MEMBER'] as const;
/** One of {@link orgRoles}. */
export type OrgRole = (typeof orgRoles)[number];

/** A `FlexStackProject` as resolvers get it. */
export interface FlexStackProjectModel {
  readonly __typename: 'FlexStackProject';
  readonly id: string;
  readonly name: string;
  readonly orgId: string;
  readonly description: string | null;
  readonly icon: string | null;
  readonly connectionStatus: ConnectionStatus;
  readonly rawConnectionStatus: string;
  readonly defaultEnvironmentId: string | null;
  readonly createdAt: string | null;
}

/** A FlexStack user's profile. */
export interface FlexStackProfile {
  readonly bio: string | null;
  readonly github: string | null;
  readonly location: string | null;
  readonly twitter: string | null;
  readonly website: string | null;
}

/** A `FlexStackMember` as resolvers get it. */
export interface FlexStackMemberModel {
  readonly __typename: 'FlexStackMember';
  readonly id: string;
  readonly projectId: string;
  readonly accountId: string | null;
  readonly name: string | null;
  readonly displayName: string | null;
  readonly avatar: string | null;
  /** The project role as FlexStack spelled it. */
  readonly rawRole: string;
  readonly role: MemberRole | null;
  readonly orgRole: OrgRole | null;
  readonly profile: FlexStackProfile | null;
  readonly createdAt: string | null;
}

/** Which deployment events a FlexStack integration notifies of. */
export interface FlexStackNotificationFlagsModel {
  readonly deploymentsFailed: boolean;
  readonly deploymentsInProgress: boolean;
  readonly deploymentsSucceeded: boolean;
  readonly changelog: boolean;
  readonly promotions: boolean;
  readonly servicesAlarm: boolean;
  readonly servicesOk: boolean;
}

/** A `FlexStackWebhookIntegration` as resolvers get it. */
export interface FlexStackIntegrationModel {
  /** Webhook integrations are webhooks; every other type is shown as Slack's shape. */
  readonly __typename: 'FlexStackWebhookIntegration' | 'FlexStackSlackIntegration';
  readonly id: string;
  readonly projectId: string;
  readonly type: 'SLACK' | 'WEBHOOK' | 'UNKNOWN';
  readonly rawType: string;
  readonly config: Readonly<Record<string, unknown>> | null;
  readonly notifications: FlexStackNotificationFlagsModel;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
}

/** A webhook integration: the integrations that are `Webhook`s. */
export type FlexStackWebhookIntegrationModel = FlexStackIntegrationModel & { readonly __typename: 'FlexStackWebhookIntegration' };

/** The deployment statuses this gateway knows (for decoding leniently). */
export const deploymentStates = ['IN_PROGRESS', 'SUCCEEDED', 'FAILED'] as const;
/** One of {@link deploymentStates}. */
export type DeploymentState = (typeof deploymentStates)[number];

/** A `FlexStackDeployment` as resolvers get it. */
export interface FlexStackDeploymentModel {
  readonly __typename: 'FlexStackDeployment';
  readonly id: string;
  readonly projectId: string;
  readonly environmentId: string | null;
  /** The status as FlexStack spelled it. */
  readonly rawStatus: string;
  readonly state: DeploymentState | null;
  readonly createdAt: string | null;
  readonly finishedAt: string | null;
}
