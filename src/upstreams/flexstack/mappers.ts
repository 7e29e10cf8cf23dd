import { bool, enumName, obj, str } from '../decode.js';
import {
  connectionStatuses,
  deploymentStates,
  memberRoles,
  orgRoles,
  type DeploymentState,
  type FlexStackDeploymentModel,
  type FlexStackIntegrationModel,
  type FlexStackMemberModel,
  type FlexStackNotificationFlagsModel,
  type FlexStackProfile,
  type FlexStackProjectModel,
  type MemberRole,
  type OrgRole,
} from './models.js';
import type { WireDeployment, WireIntegration, WireMember, WireProject } from './wire.js';

function known<T extends string>(value: unknown, names: readonly T[]): T | null {
  const name = enumName(value, names);
  return name === 'UNKNOWN' ? null : name;
}

/** Maps a project from any project endpoint. */
export function toProject(wire: WireProject): FlexStackProjectModel {
  return {
    __typename: 'FlexStackProject',
    id: str(wire.id) ?? '',
    name: str(wire.name) ?? '',
    orgId: str(wire.org_id) ?? '',
    description: str(wire.description),
    icon: str(wire.icon),
    connectionStatus: enumName(wire.connection_status, connectionStatuses),
    rawConnectionStatus: str(wire.connection_status) ?? '',
    defaultEnvironmentId: str(wire.default_environment_id),
    createdAt: str(wire.created_at),
  };
}

function toProfile(value: unknown): FlexStackProfile | null {
  const profile = obj(value);
  if (profile === null) return null;
  return {
    bio: str(profile['bio']),
    github: str(profile['github']),
    location: str(profile['location']),
    twitter: str(profile['twitter']),
    website: str(profile['website']),
  };
}

/** Maps a project member. `projectId` is the project it was read from, for answers that leave it out. */
export function toMember(wire: WireMember, projectId: string): FlexStackMemberModel {
  return {
    __typename: 'FlexStackMember',
    id: str(wire.id) ?? '',
    projectId: str(wire.project_id) ?? projectId,
    accountId: str(wire.account_id),
    name: str(wire.name),
    displayName: str(wire.display_name),
    avatar: str(wire.avatar),
    rawRole: str(wire.role) ?? '',
    role: known<MemberRole>(wire.role, memberRoles),
    orgRole: known<OrgRole>(wire.org_role, orgRoles),
    profile: toProfile(wire.profile),
    createdAt: str(wire.created_at),
  };
}

function toFlags(value: unknown): FlexStackNotificationFlagsModel {
  const flags = obj(value);
  const flag = (key: string): boolean => bool(flags?.[key]) ?? false;
  return {
    deploymentsFailed: flag('deployments_failed'),
    deploymentsInProgress: flag('deployments_in_progress'),
    deploymentsSucceeded: flag('deployments_succeeded'),
    changelog: flag('changelog'),
    promotions: flag('promotions'),
    servicesAlarm: flag('services_alarm'),
    servicesOk: flag('services_ok'),
  };
}

/** Maps a notifications integration. */
export function toIntegration(wire: WireIntegration, projectId: string): FlexStackIntegrationModel {
  const type = enumName(wire.type, ['SLACK', 'WEBHOOK'] as const);
  return {
    __typename: type === 'WEBHOOK' ? 'FlexStackWebhookIntegration' : 'FlexStackSlackIntegration',
    id: str(wire.id) ?? '',
    projectId: str(wire.project_id) ?? projectId,
    type,
    rawType: str(wire.type) ?? '',
    config: obj(wire.config),
    notifications: toFlags(wire.notifications),
    createdAt: str(wire.created_at),
    updatedAt: str(wire.updated_at),
  };
}

/** Maps a deployment. `projectId` is the project it was listed under, for answers that leave it out. */
export function toDeployment(wire: WireDeployment, projectId?: string): FlexStackDeploymentModel {
  return {
    __typename: 'FlexStackDeployment',
    id: str(wire.id) ?? '',
    projectId: str(wire.project_id) ?? projectId ?? '',
    environmentId: str(wire.environment_id),
    rawStatus: str(wire.status) ?? '',
    state: known<DeploymentState>(wire.status, deploymentStates),
    createdAt: str(wire.created_at),
    finishedAt: str(wire.finished_at),
  };
}
