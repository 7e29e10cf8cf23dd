import { badUserInput } from '../../errors/GatewayError.js';
import { gitLabProjectRefShape, isGitLabProjectRef } from './ids.js';
import { accessLevels, hookEventFlags, type GitLabAccessLevel, type GitLabVisibility, type HookEventFlag } from './models.js';

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

/**
 * Checks GraphQL inputs against GitLab's own rules and turns them into
 * request bodies, so that a bad input fails with BAD_USER_INPUT and every
 * problem listed before any call to GitLab.
 */

interface Detail {
  readonly field: string;
  readonly message: string;
}

class Problems {
  readonly list: Detail[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message });
  }
  throwIfAny(what: string): void {
    if (this.list.length > 0) {
      throw badUserInput(`Invalid ${what}: ${this.list.map((detail) => `${detail.field} ${detail.message}`).join('; ')}`, this.list);
    }
  }
}

// GitLab's project name rule: letters, digits, emoji, `_`, `.`, `+`, dashes
// and spaces, starting with a letter, digit, emoji or `_`.
const projectNamePattern = /^[\p{L}\p{N}\p{Extended_Pictographic}_][\p{L}\p{N}\p{Extended_Pictographic}\p{M}_.+\- ]*$/u;
// GitLab's path rule: letters, digits, `_`, `-`, `.`; not starting with `-`
// or `.`, not ending in `.`, `.git` or `.atom`.
const projectPathPattern = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A project reference: a numeric id or a full path (`group/sub/name`). */
function checkProjectRef(value: string, problems: Problems, field = 'projectId'): string {
  const ref = value.trim();
  if (!isGitLabProjectRef(ref)) problems.add(field, `must be ${gitLabProjectRefShape}`);
  return ref;
}

function checkPositive(value: number, problems: Problems, field: string): void {
  if (!Number.isInteger(value) || value <= 0) problems.add(field, 'must be a positive integer');
}

function checkExpiry(value: string, problems: Problems, today: Date): void {
  const match = datePattern.exec(value);
  const date = match === null ? null : new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (match === null || date === null || date.toISOString().slice(0, 10) !== value) {
    problems.add('expiresAt', 'must be a date as YYYY-MM-DD');
  } else if (value <= today.toISOString().slice(0, 10)) {
    problems.add('expiresAt', 'must be a date in the future');
  }
}

/** Levels a project membership may be given (NO_ACCESS and MINIMAL_ACCESS exist on groups only). */
export const memberAccessLevels = ['GUEST', 'PLANNER', 'REPORTER', 'DEVELOPER', 'MAINTAINER', 'OWNER'] as const;

function checkAccessLevel(level: string, problems: Problems): number {
  if (!(memberAccessLevels as readonly string[]).includes(level)) {
    problems.add('accessLevel', `must be one of ${memberAccessLevels.join(', ')} for a project member`);
    return 0;
  }
  return accessLevels[level as (typeof memberAccessLevels)[number]];
}

/** `POST /projects` body. */
export function createProjectBody(input: GitLabCreateProjectInput): Record<string, unknown> {
  const problems = new Problems();
  const name = input.name?.trim();
  const path = input.path?.trim();
  if ((name === undefined || name === '') && (path === undefined || path === '')) problems.add('name', 'or path is required');
  if (name !== undefined && name !== '' && (name.length > 255 || !projectNamePattern.test(name))) {
    problems.add(
      'name',
      "can contain only letters, digits, emoji, '_', '.', '+', dashes, or spaces, must start with a letter, digit, emoji, or '_', and be at most 255 characters",
    );
  }
  if (path !== undefined && path !== '' && (path.length > 255 || !projectPathPattern.test(path) || /\.(git|atom)$/.test(path))) {
    problems.add('path', "can contain only letters, digits, '_', '-' and '.', cannot start with '-' or '.', or end in '.', '.git' or '.atom'");
  }
  if (input.visibility === 'UNKNOWN') problems.add('visibility', 'must be PRIVATE, INTERNAL or PUBLIC');
  if (input.namespaceId != null) checkPositive(input.namespaceId, problems, 'namespaceId');
  if (input.description != null && input.description.length > 2000) problems.add('description', 'must be at most 2000 characters');
  if (input.defaultBranch != null && !/^[^\s~^:?*[\\]+$/.test(input.defaultBranch)) problems.add('defaultBranch', 'is not a valid branch name');
  problems.throwIfAny('project');
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

/** Checks a membership input: its project, user, level and expiry. */
function memberFields(input: GitLabMemberInput, today: Date): { project: string; level: number } {
  const problems = new Problems();
  const project = checkProjectRef(input.projectId, problems);
  checkPositive(input.userId, problems, 'userId');
  const level = checkAccessLevel(input.accessLevel, problems);
  if (input.expiresAt != null) checkExpiry(input.expiresAt, problems, today);
  problems.throwIfAny('member');
  return { project, level };
}

/** The project and `POST /projects/:id/members` body. */
export function addMemberBody(input: GitLabMemberInput, today = new Date()): { project: string; body: Record<string, unknown> } {
  const { project, level } = memberFields(input, today);
  return {
    project,
    body: { user_id: input.userId, access_level: level, ...(input.expiresAt != null ? { expires_at: input.expiresAt } : {}) },
  };
}

/** The project and `PUT /projects/:id/members/:user_id` body. */
export function updateMemberBody(input: GitLabMemberInput, today = new Date()): { project: string; body: Record<string, unknown> } {
  const { project, level } = memberFields(input, today);
  return { project, body: { access_level: level, ...(input.expiresAt != null ? { expires_at: input.expiresAt } : {}) } };
}

/** Checks a project and a positive numeric id (user or hook) of a delete. */
export function projectAndId(projectId: string, id: number, field: string): string {
  const problems = new Problems();
  const project = checkProjectRef(projectId, problems);
  checkPositive(id, problems, field);
  problems.throwIfAny('input');
  return project;
}

function checkHookUrl(url: string, problems: Problems): void {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (parsed === null || !['http:', 'https:'].includes(parsed.protocol) || parsed.hostname === '') {
    problems.add('url', 'must be a valid http or https URL');
  } else if (url.length > 5000) {
    problems.add('url', 'must be at most 5000 characters');
  }
}

function hookBody(input: GitLabHookInput, problems: Problems): Record<string, unknown> {
  if (input.url != null) checkHookUrl(input.url, problems);
  if (input.token != null && input.token.length > 255) problems.add('token', 'must be at most 255 characters');
  if (input.name != null && input.name.length > 255) problems.add('name', 'must be at most 255 characters');
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
  const problems = new Problems();
  const project = checkProjectRef(input.projectId, problems);
  const body = hookBody(input, problems);
  problems.throwIfAny('hook');
  return { project, body };
}

/** The project and `PUT /projects/:id/hooks/:hook_id` body. */
export function updateHookBody(input: GitLabUpdateProjectHookInput): { project: string; body: Record<string, unknown> } {
  const problems = new Problems();
  const project = checkProjectRef(input.projectId, problems);
  checkPositive(input.hookId, problems, 'hookId');
  const body = hookBody(input, problems);
  problems.throwIfAny('hook');
  return { project, body };
}
