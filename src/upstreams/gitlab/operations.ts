import { op, operationTable, type PathParam } from '../operation.js';
import { anyBody, listOf, objectOf } from '../responseShape.js';
import { gitLabIdPattern, gitLabProjectRefPattern, gitLabProjectRefShape } from './ids.js';
import type { WireJob, WireMember, WirePipeline, WireProject, WireProjectHook } from './wire.js';

/**
 * A project as `:id`: its numeric id, or its full path sent URL-encoded as
 * one segment (`acme%2Fplatform%2Fgateway`), each part checked on its own.
 */
const id: PathParam = { slashesEncoded: true, pattern: gitLabProjectRefPattern, shape: gitLabProjectRefShape };
const userId: PathParam = { pattern: gitLabIdPattern, shape: 'a positive user id' };
const hookId: PathParam = { pattern: gitLabIdPattern, shape: 'a positive hook id' };
const pipelineId: PathParam = { pattern: gitLabIdPattern, shape: 'a positive pipeline id' };
const jobId: PathParam = { pattern: gitLabIdPattern, shape: 'a positive job id' };

/** Offset paging (`x-next-page`, `x-total`). */
const paging = ['page', 'per_page'] as const;

// The fields every object of each kind carries, whatever GitLab's version.
const projectFields = { id: 'number', name: 'string', path_with_namespace: 'string' } as const;
const memberFields = { id: 'number', username: 'string', access_level: 'number' } as const;
const hookFields = { id: 'number', url: 'string' } as const;
const pipelineFields = { id: 'number', project_id: 'number', status: 'string' } as const;
const jobFields = { id: 'number', name: 'string', status: 'string' } as const;

/**
 * GitLab REST v4 (`/api/v4`), one row per operation, as `lib/api/projects.rb`,
 * `members.rb`, `project_hooks.rb`, `ci/pipelines.rb` and `ci/jobs.rb` and
 * `doc/api/*.md` state them. Lists answer a bare JSON array; their paging is
 * in the headers.
 */
export const gitLabOperations = operationTable({
  /**
   * v4 lists every project the token can see (v3's `GET /projects` listed the
   * user's own); `owned=true` or `membership=true` narrow it. Keyset pages
   * (`pagination=keyset&order_by=id`) answer only a `Link: rel="next"`.
   */
  listProjects: op({
    method: 'GET',
    path: '/projects',
    query: ['pagination', 'order_by', 'sort', 'id_after', 'id_before', ...paging, 'owned', 'membership', 'search', 'visibility'],
    response: listOf<WireProject>(projectFields),
  }),
  getProject: op({ method: 'GET', path: '/projects/{id}', params: { id }, response: objectOf<WireProject>(projectFields) }),
  /** 201 with the project; a taken or malformed name is a 400 with `{message: {field: […]}}` (v3 said 404). */
  createProject: op({ method: 'POST', path: '/projects', response: objectOf<WireProject>(projectFields) }),
  listProjectMembers: op({ method: 'GET', path: '/projects/{id}/members', params: { id }, query: ['query', ...paging], response: listOf<WireMember>(memberFields) }),
  getProjectMember: op({ method: 'GET', path: '/projects/{id}/members/{user_id}', params: { id, user_id: userId }, response: objectOf<WireMember>(memberFields) }),
  addProjectMember: op({ method: 'POST', path: '/projects/{id}/members', params: { id }, response: objectOf<WireMember>(memberFields) }),
  editProjectMember: op({ method: 'PUT', path: '/projects/{id}/members/{user_id}', params: { id, user_id: userId }, response: objectOf<WireMember>(memberFields) }),
  /** v4 answers 204, and 404 for a non-member (v3 answered 200 either way). */
  removeProjectMember: op({ method: 'DELETE', path: '/projects/{id}/members/{user_id}', params: { id, user_id: userId }, response: anyBody() }),
  listProjectHooks: op({ method: 'GET', path: '/projects/{id}/hooks', params: { id }, query: paging, response: listOf<WireProjectHook>(hookFields) }),
  getProjectHook: op({ method: 'GET', path: '/projects/{id}/hooks/{hook_id}', params: { id, hook_id: hookId }, response: objectOf<WireProjectHook>(hookFields) }),
  addProjectHook: op({ method: 'POST', path: '/projects/{id}/hooks', params: { id }, response: objectOf<WireProjectHook>(hookFields) }),
  /** v4 answers 200 (the v3 documents said 201); `url` is required on every edit (`requires :url`), else 400. */
  editProjectHook: op({ method: 'PUT', path: '/projects/{id}/hooks/{hook_id}', params: { id, hook_id: hookId }, response: objectOf<WireProjectHook>(hookFields) }),
  /** v4 takes the hook id in the path and answers 204; v3 took `hook_id` as a parameter of `DELETE /projects/:id/hooks`. */
  deleteProjectHook: op({ method: 'DELETE', path: '/projects/{id}/hooks/{hook_id}', params: { id, hook_id: hookId }, response: anyBody() }),
  /** Newest first unless `order_by`/`sort` say otherwise; items in their list form. */
  listProjectPipelines: op({
    method: 'GET',
    path: '/projects/{id}/pipelines',
    params: { id },
    query: ['ref', 'status', 'scope', 'sha', 'source', 'order_by', 'sort', ...paging],
    response: listOf<WirePipeline>(pipelineFields),
  }),
  /** The latest pipeline of a ref (the default branch without one); 403 when that ref has none, as GitLab documents. */
  getLatestPipeline: op({ method: 'GET', path: '/projects/{id}/pipelines/latest', params: { id }, query: ['ref'], response: objectOf<WirePipeline>(pipelineFields) }),
  getPipeline: op({ method: 'GET', path: '/projects/{id}/pipelines/{pipeline_id}', params: { id, pipeline_id: pipelineId }, response: objectOf<WirePipeline>(pipelineFields) }),
  /** Retried jobs only with `include_retried=true`; `scope[]` filters by status. */
  listPipelineJobs: op({
    method: 'GET',
    path: '/projects/{id}/pipelines/{pipeline_id}/jobs',
    params: { id, pipeline_id: pipelineId },
    query: ['scope[]', 'include_retried', ...paging],
    response: listOf<WireJob>(jobFields),
  }),
  getJob: op({ method: 'GET', path: '/projects/{id}/jobs/{job_id}', params: { id, job_id: jobId }, response: objectOf<WireJob>(jobFields) }),
});
