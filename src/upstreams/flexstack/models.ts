/**
 * The FlexStack objects resolvers receive: camel-cased, decoded, with a
 * `__typename` that resolves the shared interfaces.
 */

export const connectionStatuses = ['CONNECTED', 'DISCONNECTED', 'DISCONNECTING'] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number] | 'UNKNOWN';

export const memberRoles = ['OWNER', 'CONTRIBUTOR', 'VIEWER'] as const;
export type MemberRole = (typeof memberRoles)[number];

export const orgRoles = ['OWNER', 'ADMIN', 'MEMBER'] as const;
export type OrgRole = (typeof orgRoles)[number];

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

export interface FlexStackProfile {
  readonly bio: string | null;
  readonly github: string | null;
  readonly location: string | null;
  readonly twitter: string | null;
  readonly website: string | null;
}

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

export interface FlexStackNotificationFlagsModel {
  readonly deploymentsFailed: boolean;
  readonly deploymentsInProgress: boolean;
  readonly deploymentsSucceeded: boolean;
  readonly changelog: boolean;
  readonly promotions: boolean;
  readonly servicesAlarm: boolean;
  readonly servicesOk: boolean;
}

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
