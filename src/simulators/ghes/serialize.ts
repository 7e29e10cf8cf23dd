import type { GhesStore, SimGhesEnvironment, SimGhesHook, SimGhesKey, SimGhesOrg, SimGhesTeam, SimGhesUser } from './store.js';

/** The wire shapes of the simulator's objects, as GHES `/api/v3` sends them. `origin` is the instance's origin. */

/** The GHES JSON of a stored hook. */
export function hookJson(origin: string, hook: SimGhesHook): Record<string, unknown> {
  return {
    type: 'Global',
    id: hook.id,
    name: 'web',
    active: hook.active,
    events: hook.events,
    config: {
      url: hook.config.url,
      content_type: hook.config.contentType,
      insecure_ssl: hook.config.insecureSsl,
      ...(hook.config.secret !== null ? { secret: '********' } : {}),
    },
    updated_at: hook.updatedAt,
    created_at: hook.createdAt,
    url: `${origin}/api/v3/admin/hooks/${hook.id}`,
    ping_url: `${origin}/api/v3/admin/hooks/${hook.id}/pings`,
  };
}

/**
 * The answer of a hook update: GitHub's description of GHES (`global-hook-2`)
 * gives it no `config.secret`, whether the hook has a secret or not.
 */
export function updatedHookJson(origin: string, hook: SimGhesHook): Record<string, unknown> {
  const json = hookJson(origin, hook);
  const { secret: _secret, ...config } = json['config'] as Record<string, unknown>;
  return { ...json, config };
}

/** The GHES JSON of a stored key. */
export function keyJson(origin: string, key: SimGhesKey): Record<string, unknown> {
  return {
    key: key.key,
    id: key.id,
    url: key.repositoryId !== null ? `${origin}/api/v3/repositories/${key.repositoryId}/keys/${key.id}` : `${origin}/api/v3/user/keys/${key.id}`,
    title: key.title,
    created_at: key.createdAt,
    verified: key.verified,
    read_only: key.readOnly,
    last_used: key.lastUsed,
    user_id: key.userId,
    repository_id: key.repositoryId,
    added_by: key.addedBy,
  };
}

/** The GHES JSON of a stored team. */
export function teamJson(origin: string, store: GhesStore, team: SimGhesTeam): Record<string, unknown> {
  const parent = team.parentId === null ? undefined : store.teams.find((candidate) => candidate.id === team.parentId);
  const node = (t: SimGhesTeam): Record<string, unknown> => ({
    id: t.id,
    node_id: Buffer.from(`04:Team${t.id}`).toString('base64'),
    url: `${origin}/api/v3/teams/${t.id}`,
    html_url: `${origin}/orgs/${t.org}/teams/${t.slug}`,
    name: t.name,
    slug: t.slug,
    description: t.description,
    privacy: t.privacy,
    notification_setting: 'notifications_enabled',
    permission: t.permission,
    members_url: `${origin}/api/v3/teams/${t.id}/members{/member}`,
    repositories_url: `${origin}/api/v3/teams/${t.id}/repos`,
  });
  return { ldap_dn: team.ldapDn, ...node(team), parent: parent === undefined ? null : node(parent) };
}

/** The GHES JSON of a stored user. */
export function userJson(origin: string, user: SimGhesUser): Record<string, unknown> {
  const api = `${origin}/api/v3/users/${user.login}`;
  return {
    ldap_dn: user.ldapDn,
    login: user.login,
    id: user.id,
    node_id: Buffer.from(`04:User${user.id}`).toString('base64'),
    avatar_url: `${origin}/avatars/u/${user.id}`,
    gravatar_id: '',
    url: api,
    html_url: `${origin}/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: 'User',
    site_admin: user.siteAdmin,
    name: user.name,
    company: 'Example Corp',
    blog: '',
    location: null,
    email: user.email,
    hireable: null,
    bio: null,
    public_repos: 2,
    public_gists: 0,
    followers: 3,
    following: 1,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
    suspended_at: null,
  };
}

/** The GHES JSON of a stored org. */
export function orgJson(origin: string, org: SimGhesOrg): Record<string, unknown> {
  const api = `${origin}/api/v3/orgs/${org.login}`;
  return {
    login: org.login,
    id: org.id,
    node_id: Buffer.from(`012:Organization${org.id}`).toString('base64'),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `${origin}/avatars/o/${org.id}`,
    description: org.description,
  };
}

/** The GHES JSON of a stored download. */
export function downloadJson(origin: string, environment: SimGhesEnvironment): Record<string, unknown> {
  return {
    url: `${origin}/api/v3/admin/pre-receive-environments/${environment.id}/downloads/latest`,
    state: environment.download.state,
    downloaded_at: environment.download.downloadedAt,
    message: environment.download.message,
  };
}

/** The GHES JSON of a stored environment. */
export function environmentJson(origin: string, environment: SimGhesEnvironment): Record<string, unknown> {
  return {
    id: environment.id,
    name: environment.name,
    image_url: environment.imageUrl,
    url: `${origin}/api/v3/admin/pre-receive-environments/${environment.id}`,
    html_url: `${origin}/admin/pre-receive-environments/${environment.id}`,
    default_environment: environment.isDefault,
    created_at: environment.createdAt,
    hooks_count: environment.hooksCount,
    download: downloadJson(origin, environment),
  };
}
