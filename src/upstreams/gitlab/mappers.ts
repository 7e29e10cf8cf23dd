import { bool, enumName, int, list, obj, str } from '../decode.js';
import {
  accessLevels,
  hookEventFlags,
  visibilities,
  type GitLabAccessLevel,
  type GitLabMemberModel,
  type GitLabNamespaceModel,
  type GitLabProjectHookModel,
  type GitLabProjectModel,
  type HookEventFlag,
} from './models.js';
import type { WireMember, WireNamespace, WireProject, WireProjectHook } from './wire.js';

/** An access level number as its enum name; UNKNOWN for a level this gateway does not know. */
export function accessLevelName(value: unknown): GitLabAccessLevel {
  const level = int(value);
  const found = (Object.entries(accessLevels) as [GitLabAccessLevel, number][]).find(([, number]) => number === level);
  return found?.[0] ?? 'UNKNOWN';
}

function toNamespace(wire: WireNamespace | null | undefined): GitLabNamespaceModel | null {
  const namespace = obj(wire);
  if (namespace === null) return null;
  return {
    id: int(namespace['id']),
    name: str(namespace['name']) ?? '',
    path: str(namespace['path']) ?? '',
    kind: str(namespace['kind']) ?? 'unknown',
    fullPath: str(namespace['full_path']) ?? '',
    parentId: int(namespace['parent_id']),
    webUrl: str(namespace['web_url']),
  };
}

/** Maps a project from `GET /projects`, `GET /projects/:id` or `POST /projects`. */
export function toProject(wire: WireProject): GitLabProjectModel {
  return {
    __typename: 'GitLabProject',
    id: int(wire.id) ?? 0,
    name: str(wire.name) ?? '',
    nameWithNamespace: str(wire.name_with_namespace),
    path: str(wire.path) ?? '',
    pathWithNamespace: str(wire.path_with_namespace) ?? '',
    description: str(wire.description),
    visibility: enumName(wire.visibility, visibilities),
    rawVisibility: str(wire.visibility),
    defaultBranch: str(wire.default_branch),
    webUrl: str(wire.web_url),
    httpUrlToRepo: str(wire.http_url_to_repo),
    sshUrlToRepo: str(wire.ssh_url_to_repo),
    archived: bool(wire.archived) ?? false,
    topics: list(wire.topics).flatMap((topic) => {
      const text = str(topic);
      return text === null ? [] : [text];
    }),
    starCount: int(wire.star_count),
    forksCount: int(wire.forks_count),
    createdAt: str(wire.created_at),
    lastActivityAt: str(wire.last_activity_at),
    namespace: toNamespace(wire.namespace),
  };
}

/**
 * Maps a project member. GitLab's member objects do not name their project,
 * so the caller passes the project as it addressed it.
 */
export function toMember(wire: WireMember, projectRef: string): GitLabMemberModel {
  return {
    __typename: 'GitLabMember',
    projectRef,
    userId: int(wire.id) ?? 0,
    username: str(wire.username) ?? '',
    name: str(wire.name) ?? str(wire.username) ?? '',
    state: str(wire.state),
    accessLevel: accessLevelName(wire.access_level),
    accessLevelValue: int(wire.access_level),
    expiresAt: str(wire.expires_at),
    createdAt: str(wire.created_at),
    avatarUrl: str(wire.avatar_url),
    webUrl: str(wire.web_url),
  };
}

/** Maps a project hook. */
export function toProjectHook(wire: WireProjectHook): GitLabProjectHookModel {
  const record = wire as Readonly<Record<string, unknown>>;
  const flags = Object.fromEntries(hookEventFlags.map((flag) => [flag, bool(record[flag]) ?? false])) as Record<HookEventFlag, boolean>;
  return {
    __typename: 'GitLabProjectHook',
    id: int(wire.id) ?? 0,
    projectId: int(wire.project_id) ?? 0,
    url: str(wire.url) ?? '',
    name: str(wire.name),
    description: str(wire.description),
    flags,
    pushEventsBranchFilter: str(wire.push_events_branch_filter),
    // GitLab verifies TLS unless told not to.
    enableSslVerification: bool(wire.enable_ssl_verification) ?? true,
    alertStatus: str(wire.alert_status),
    disabledUntil: str(wire.disabled_until),
    createdAt: str(wire.created_at),
  };
}
