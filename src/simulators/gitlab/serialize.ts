import { externalUrl, type GitLabStore, type SimHook, type SimMember, type SimNamespace, type SimProject, type SimUser } from './store.js';

/** The wire shapes of the simulator's objects, as GitLab REST v4 sends them. */

/** The GitLab JSON of a stored user. */
export function userJson(store: GitLabStore, user: SimUser): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    state: user.state,
    locked: false,
    avatar_url: store.avatarUrl(user),
    web_url: `${externalUrl}/${user.username}`,
  };
}

/** The GitLab JSON of a stored namespace. */
export function namespaceJson(store: GitLabStore, namespace: SimNamespace): Record<string, unknown> {
  const fullPath = store.fullPath(namespace);
  const owner = namespace.ownerId === null ? undefined : store.users.find((user) => user.id === namespace.ownerId);
  return {
    id: namespace.id,
    name: namespace.name,
    path: namespace.path,
    kind: namespace.kind,
    full_path: fullPath,
    parent_id: namespace.parentId,
    avatar_url: owner === undefined ? null : store.avatarUrl(owner),
    web_url: namespace.kind === 'group' ? `${externalUrl}/groups/${fullPath}` : `${externalUrl}/${fullPath}`,
  };
}

/** The GitLab JSON of a stored project. */
export function projectJson(store: GitLabStore, project: SimProject): Record<string, unknown> {
  const namespace = store.namespace(project.namespaceId) as SimNamespace;
  const fullPath = store.projectPath(project);
  const owner = namespace.kind === 'user' ? store.users.find((user) => user.id === namespace.ownerId) : undefined;
  const tags = project.topics;
  return {
    id: project.id,
    description: project.description,
    name: project.name,
    name_with_namespace: `${store.fullName(namespace)} / ${project.name}`,
    path: project.path,
    path_with_namespace: fullPath,
    created_at: project.createdAt,
    default_branch: project.emptyRepo ? null : project.defaultBranch,
    tag_list: tags,
    topics: tags,
    ssh_url_to_repo: `git@gitlab.example.com:${fullPath}.git`,
    http_url_to_repo: `${externalUrl}/${fullPath}.git`,
    web_url: `${externalUrl}/${fullPath}`,
    readme_url: project.emptyRepo ? null : `${externalUrl}/${fullPath}/-/blob/${project.defaultBranch}/README.md`,
    avatar_url: null,
    forks_count: project.forksCount,
    star_count: project.starCount,
    last_activity_at: project.lastActivityAt,
    namespace: namespaceJson(store, namespace),
    ...(owner !== undefined ? { owner: { ...userJson(store, owner), created_at: owner.createdAt } } : {}),
    visibility: project.visibility,
    empty_repo: project.emptyRepo,
    archived: false,
    creator_id: project.creatorId,
    open_issues_count: (project.id * 7) % 23,
  };
}

/** The GitLab JSON of a stored member. */
export function memberJson(store: GitLabStore, member: SimMember): Record<string, unknown> {
  const user = store.users.find((candidate) => candidate.id === member.userId) as SimUser;
  const creator = store.users.find((candidate) => candidate.id === member.createdById);
  return {
    ...userJson(store, user),
    access_level: member.accessLevel,
    created_at: member.createdAt,
    created_by: creator === undefined ? null : userJson(store, creator),
    expires_at: member.expiresAt,
    membership_state: 'active',
  };
}

/** A hook as GitLab sends it: every flag, never the token. */
export function hookJson(hook: SimHook): Record<string, unknown> {
  return {
    id: hook.id,
    url: hook.url,
    name: hook.name,
    description: hook.description,
    project_id: hook.projectId,
    ...hook.flags,
    push_events_branch_filter: hook.pushEventsBranchFilter,
    repository_update_events: false,
    enable_ssl_verification: hook.enableSslVerification,
    alert_status: hook.alertStatus,
    disabled_until: hook.disabledUntil,
    url_variables: [],
    created_at: hook.createdAt,
    resource_access_token_events: false,
    custom_webhook_template: '',
  };
}
