import { badUserInput } from '../../errors/GatewayError.js';
import type { GitLabAddProjectHookInput, GitLabCreateProjectInput, GitLabHookInput, GitLabMemberInput, GitLabUpdateProjectHookInput } from '../../upstreams/gitlab/bodies.js';
import { gitLabProjectRefShape, isGitLabProjectRef } from '../../upstreams/gitlab/ids.js';
import { urlOrNull } from '../urlOrNull.js';

/**
 * Checks of the GitLab writes against GitLab's own rules, made before any
 * call to GitLab: a bad input fails with BAD_USER_INPUT and every problem
 * listed. Each returns what it checked, its project reference trimmed.
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
const memberAccessLevels = ['GUEST', 'PLANNER', 'REPORTER', 'DEVELOPER', 'MAINTAINER', 'OWNER'] as const;

function checkAccessLevel(level: string, problems: Problems): void {
  if (!(memberAccessLevels as readonly string[]).includes(level)) {
    problems.add('accessLevel', `must be one of ${memberAccessLevels.join(', ')} for a project member`);
  }
}

/** A new project: a name or a path by GitLab's rules, a known visibility, a namespace, description and default branch GitLab takes. */
export function assertCreateProjectInput<T extends GitLabCreateProjectInput>(input: T): T {
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
  return input;
}

/** A membership: its project, user, level (one a project member may have) and expiry (a future date). */
export function assertMemberInput<T extends GitLabMemberInput>(input: T, today = new Date()): T {
  const problems = new Problems();
  const projectId = checkProjectRef(input.projectId, problems);
  checkPositive(input.userId, problems, 'userId');
  checkAccessLevel(input.accessLevel, problems);
  if (input.expiresAt != null) checkExpiry(input.expiresAt, problems, today);
  problems.throwIfAny('member');
  return { ...input, projectId };
}

/** The project and a positive numeric id (user or hook) of a delete; returns the project reference. */
export function assertProjectAndId(projectId: string, id: number, field: string): string {
  const problems = new Problems();
  const project = checkProjectRef(projectId, problems);
  checkPositive(id, problems, field);
  problems.throwIfAny('input');
  return project;
}

function checkHookUrl(url: string, problems: Problems): void {
  const parsed = urlOrNull(url);
  if (parsed === null || !['http:', 'https:'].includes(parsed.protocol) || parsed.hostname === '') {
    problems.add('url', 'must be a valid http or https URL');
  } else if (url.length > 5000) {
    problems.add('url', 'must be at most 5000 characters');
  }
}

function checkHookSettings(input: GitLabHookInput, problems: Problems): void {
  if (input.url != null) checkHookUrl(input.url, problems);
  if (input.token != null && input.token.length > 255) problems.add('token', 'must be at most 255 characters');
  if (input.name != null && input.name.length > 255) problems.add('name', 'must be at most 255 characters');
}

/** A new hook: its project, an http(s) URL, a token and name GitLab takes. */
export function assertAddHookInput<T extends GitLabAddProjectHookInput>(input: T): T {
  const problems = new Problems();
  const projectId = checkProjectRef(input.projectId, problems);
  checkHookSettings(input, problems);
  problems.throwIfAny('hook');
  return { ...input, projectId };
}

/** Changes to a hook: its project and id, and the settings given. */
export function assertUpdateHookInput<T extends GitLabUpdateProjectHookInput>(input: T): T {
  const problems = new Problems();
  const projectId = checkProjectRef(input.projectId, problems);
  checkPositive(input.hookId, problems, 'hookId');
  checkHookSettings(input, problems);
  problems.throwIfAny('hook');
  return { ...input, projectId };
}
