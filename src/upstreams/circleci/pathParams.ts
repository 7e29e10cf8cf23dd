import type { PathParam } from '../operation.js';

/**
 * The real shapes of CircleCI's path parameters, which its OpenAPI
 * description gives only as `string` (or `format: uuid`). The generated
 * operation table names these for each parameter (see operationsConfig.ts),
 * so that a value of another shape is refused before any call.
 */

const uuid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
// GitHub and Bitbucket organization and repository names: letters, digits, `-`, `_` and `.`.
const vcsName = '[A-Za-z0-9_.-]{1,100}';

/** A CircleCI UUID pattern, whole. */
export const uuidPattern = new RegExp(`^${uuid}$`);

/** An id CircleCI gives as a UUID (pipelines, workflows, schedules, users, contexts, webhooks, organizations). */
export const uuidParam: PathParam = { pattern: uuidPattern, shape: 'a CircleCI id (a UUID)' };

/**
 * A project slug, three segments: `gh|github|bb|bitbucket/<org>/<repo>`, or
 * `circleci/<organization id>/<project id>` for GitLab and GitHub App projects.
 */
export const projectSlugParam: PathParam = {
  segments: 3,
  pattern: new RegExp(`^(?:(?:gh|github|bb|bitbucket)/${vcsName}/${vcsName}|circleci/${uuid}/${uuid})$`),
  shape: 'a project slug such as gh/acme/api or circleci/<organization id>/<project id>',
};

/** An organization slug, two segments: `gh|github|bb|bitbucket/<org>` or `circleci/<organization id>`. */
export const orgSlugParam: PathParam = {
  segments: 2,
  pattern: new RegExp(`^(?:(?:gh|github|bb|bitbucket)/${vcsName}|circleci/${uuid})$`),
  shape: 'an organization slug such as gh/acme or circleci/<organization id>',
};

/** The first segment of a project slug, where a path takes the slug as three parameters. */
export const providerParam: PathParam = { pattern: /^(?:gh|github|bb|bitbucket|circleci)$/, shape: 'gh, github, bb, bitbucket or circleci' };

/** The second or third segment of a project slug: a name, or an organization or project id. */
export const slugPartParam: PathParam = { pattern: new RegExp(`^${vcsName}$`), shape: 'a name or id of up to 100 letters, digits, _, . or -' };

/** A job or pipeline number: a positive whole number (CircleCI's are int64; here up to 2^53 - 1). */
export const numberParam: PathParam = { pattern: /^[1-9][0-9]{0,15}$/, shape: 'a positive whole number' };

/** An environment variable name, as CircleCI accepts them. */
export const envVarNameParam: PathParam = { pattern: /^[A-Za-z_][A-Za-z0-9_]{0,255}$/, shape: 'letters, digits and _, not starting with a digit' };

/** A checkout key fingerprint: md5 (`aa:bb:…`, 16 pairs) or sha256 (`SHA256:` and base64). */
export const fingerprintParam: PathParam = {
  pattern: /^(?:[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){15}|SHA256:[A-Za-z0-9+/]{43}={0,1})$/,
  shape: 'an md5 (aa:bb:…) or SHA256:… key fingerprint',
};

/** A workflow name, which CircleCI takes as configured: any text of up to 255 characters, as one segment. */
export const workflowNameParam: PathParam = { pattern: /^[\s\S]{1,255}$/, shape: 'a workflow name of 1 to 255 characters' };

/** A policy context name (`config` is the one CircleCI has). */
export const policyContextParam: PathParam = { pattern: /^[a-z][a-z0-9_-]{0,63}$/, shape: 'a policy context such as config' };

/** A policy document name: letters, digits, `_`, `.` and `-`. */
export const policyNameParam: PathParam = { pattern: /^[\w.-]{1,255}$/, shape: 'a policy name of letters, digits, _, . and -' };

/** A decision log id: CircleCI's are UUIDs, though its description calls them strings. */
export const decisionIdParam: PathParam = { pattern: /^[\w-]{1,128}$/, shape: 'a decision id' };
