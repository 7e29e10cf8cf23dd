/**
 * GitLab's own rules for what names a project, a user, a hook, a pipeline or
 * a job in a path, checked before any call: a value of another form is
 * refused rather than sent.
 */

// One part of a full path (a group, subgroup or project path): letters,
// digits, `_`, `-` and `.`, not starting with `-` or `.`, not ending in
// `.git` or `.atom`, at most 255 characters (GitLab's namespace and project
// path rules).
const pathPart = String.raw`[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}(?<!\.git|\.atom)`;

/** A positive numeric id as GitLab's API takes it (no sign, no leading zero). */
export const gitLabIdPattern = /^[1-9]\d{0,14}$/;

/**
 * A project as GitLab's `:id` takes it: its numeric id, or its full path
 * `group/sub/…/name` (two to twenty parts, 1024 characters at most), which
 * is sent URL-encoded as one segment.
 */
export const gitLabProjectRefPattern = new RegExp(String.raw`^(?=[^]{1,1024}$)(?:[1-9]\d{0,14}|${pathPart}(?:/${pathPart}){1,19})$`);

/** The words of {@link gitLabProjectRefPattern}, for errors. */
export const gitLabProjectRefShape = 'a numeric project id or a full path such as group/name';

/** Whether a value names a project as GitLab's `:id` takes it. */
export function isGitLabProjectRef(value: string): boolean {
  return gitLabProjectRefPattern.test(value);
}

/** A project id or path as given, with a path already URL-encoded (`group%2Fname`, as GitLab's docs write it) decoded once. */
export function projectRefOf(idOrPath: string): string {
  const ref = idOrPath.trim();
  return /%2F/i.test(ref) ? ref.replace(/%2F/gi, '/') : ref;
}
