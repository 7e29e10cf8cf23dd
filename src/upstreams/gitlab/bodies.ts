import { accessLevels, hookEventFlags, type GitLabAccessLevel, type GitLabVisibility, type HookEventFlag } from './models.js';

/**
 * What the GitLab writes take, and their request bodies in GitLab's names.
 * Inputs reach here checked (see resolvers/gitlab/validation.ts): building a
 * body refuses nothing.
 */

type Maybe<T> = T | null | undefined;

/** A new project, as `gitLabCreateProject` takes it. */
export interface GitLabCreateProjectInput {
  readonly name?: Maybe<string>;
  readonly path?: Maybe<string>;
  readonly namespaceId?: Maybe<number>;
  readonly description?: Maybe<string>;
  readonly visibility?: Maybe<GitLabVisibility>;
  readonly defaultBranch?: Maybe<string>;
  readonly initializeWithReadme?: Maybe<boolean>;
}

/** A project membership to add or change. */
export interface GitLabMemberInput {
  readonly projectId: string;
  readonly userId: number;
  readonly accessLevel: GitLabAccessLevel;
  readonly expiresAt?: Maybe<string>;
}

/** The GraphQL field of each hook event switch. */
const flagFields = {
  push_events: 'pushEvents',
  issues_events: 'issuesEvents',
  confidential_issues_events: 'confidentialIssuesEvents',
  merge_requests_events: 'mergeRequestsEvents',
  tag_push_events: 'tagPushEvents',
  note_events: 'noteEvents',
  confidential_note_events: 'confidentialNoteEvents',
  job_events: 'jobEvents',
  pipeline_events: 'pipelineEvents',
  wiki_page_events: 'wikiPageEvents',
  deployment_events: 'deploymentEvents',
  releases_events: 'releasesEvents',
} as const satisfies Readonly<Record<HookEventFlag, string>>;

/** A hook's settings as `gitLabAddProjectHook` and `gitLabUpdateProjectHook` take them; omitted fields are left as they are. */
export type GitLabHookInput = { readonly [K in (typeof flagFields)[HookEventFlag]]?: Maybe<boolean> } & {
  readonly projectId: string;
  readonly url?: Maybe<string>;
  readonly token?: Maybe<string>;
  readonly name?: Maybe<string>;
  readonly description?: Maybe<string>;
  readonly pushEventsBranchFilter?: Maybe<string>;
  readonly enableSslVerification?: Maybe<boolean>;
};

/** A new hook: its URL is required. */
export type GitLabAddProjectHookInput = GitLabHookInput & { readonly url: string };

/** Changes to a hook. */
export type GitLabUpdateProjectHookInput = GitLabHookInput & { readonly hookId: number };

/** `POST /projects` body. */
export function createProjectBody(input: GitLabCreateProjectInput): Record<string, unknown> {
  const name = input.name?.trim();
  const path = input.path?.trim();
  return {
    ...(name !== undefined && name !== '' ? { name } : {}),
    ...(path !== undefined && path !== '' ? { path } : {}),
    ...(input.namespaceId != null ? { namespace_id: input.namespaceId } : {}),
    ...(input.description != null ? { description: input.description } : {}),
    ...(input.visibility != null ? { visibility: input.visibility.toLowerCase() } : {}),
    ...(input.defaultBranch != null ? { default_branch: input.defaultBranch } : {}),
    ...(input.initializeWithReadme != null ? { initialize_with_readme: input.initializeWithReadme } : {}),
  };
}

/** A membership's access level as GitLab numbers it. */
function levelOf(input: GitLabMemberInput): number {
  return input.accessLevel === 'UNKNOWN' ? 0 : accessLevels[input.accessLevel];
}

/** The project and `POST /projects/:id/members` body. */
export function addMemberBody(input: GitLabMemberInput): { project: string; body: Record<string, unknown> } {
  return {
    project: input.projectId.trim(),
    body: { user_id: input.userId, access_level: levelOf(input), ...(input.expiresAt != null ? { expires_at: input.expiresAt } : {}) },
  };
}

/** The project and `PUT /projects/:id/members/:user_id` body. */
export function updateMemberBody(input: GitLabMemberInput): { project: string; body: Record<string, unknown> } {
  return { project: input.projectId.trim(), body: { access_level: levelOf(input), ...(input.expiresAt != null ? { expires_at: input.expiresAt } : {}) } };
}

function hookBody(input: GitLabHookInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (input.url != null) body['url'] = input.url;
  if (input.token != null) body['token'] = input.token;
  if (input.name != null) body['name'] = input.name;
  if (input.description != null) body['description'] = input.description;
  for (const flag of hookEventFlags) {
    const value = input[flagFields[flag]];
    if (typeof value === 'boolean') body[flag] = value;
  }
  if (input.pushEventsBranchFilter != null) body['push_events_branch_filter'] = input.pushEventsBranchFilter;
  if (input.enableSslVerification != null) body['enable_ssl_verification'] = input.enableSslVerification;
  return body;
}

/** The project and `POST /projects/:id/hooks` body. */
export function addHookBody(input: GitLabAddProjectHookInput): { project: string; body: Record<string, unknown> } {
  return { project: input.projectId.trim(), body: hookBody(input) };
}

/** The project and `PUT /projects/:id/hooks/:hook_id` body. */
export function updateHookBody(input: GitLabUpdateProjectHookInput): { project: string; body: Record<string, unknown> } {
  return { project: input.projectId.trim(), body: hookBody(input) };
}
