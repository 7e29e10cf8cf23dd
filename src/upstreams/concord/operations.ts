import { op, operationTable, type PathParam } from '../operation.js';
import { anyBody, listOf, objectOf } from '../responseShape.js';
import { concordKeyPattern, concordMaxCfgDepth } from './names.js';
import type { WireAccessEntry, WireOperationResult, WireProcess, WireProject, WireTeam } from './wire.js';

// The server validates every name in a path with @ConcordKey and answers 400 otherwise: checked here first.
const orgName: PathParam = { pattern: concordKeyPattern, shape: 'a Concord organization name' };
const projectName: PathParam = { pattern: concordKeyPattern, shape: 'a Concord project name' };
const teamName: PathParam = { pattern: concordKeyPattern, shape: 'a Concord team name' };
/** `group/key`: each key its own segment, none empty (the server would skip empty ones and name another value). */
const cfgPath: PathParam = { segments: [1, concordMaxCfgDepth], shape: 'a configuration path such as group/key' };
const project = { orgName, projectName };
const instanceId: PathParam = { pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, shape: 'a Concord process id (a UUID)' };
const processShape = { instanceId: 'string', status: 'string' } as const;

const projectShape = { id: 'string', name: 'string' } as const;
const result = objectOf<WireOperationResult>({ ok: 'boolean', result: 'string' });

/**
 * Concord's project API (below `/api`), one row per operation, named by the
 * server's own operation ids (`ProjectResource`, `ProjectResourceV2`,
 * `TeamResource`, `ProcessResourceV2`). The configuration endpoints take an
 * optional path; each form is its own row here.
 */
export const concordOperations = operationTable({
  /** Sorted by name; `filter` keeps names containing it. */
  findProjects: op({ method: 'GET', path: '/v1/org/{orgName}/project', params: { orgName }, query: ['offset', 'limit', 'filter'], response: listOf<WireProject>(projectShape) }),
  getProject: op({ method: 'GET', path: '/v2/org/{orgName}/project/{projectName}', params: project, response: objectOf<WireProject>(projectShape) }),
  /**
   * Creates, or updates the project with the body's id (else its name); with
   * `orgName`/`orgId` it moves the project. An update resets an omitted
   * `rawPayloadMode` to `ORG_MEMBERS`.
   */
  createOrUpdateProject: op({ method: 'POST', path: '/v1/org/{orgName}/project', params: { orgName }, response: result }),
  deleteProject: op({ method: 'DELETE', path: '/v1/org/{orgName}/project/{projectName}', params: project, response: result }),
  /** The whole configuration: an object (empty when there is none). */
  getProjectConfiguration: op({ method: 'GET', path: '/v1/org/{orgName}/project/{projectName}/cfg', params: project, response: objectOf<unknown>() }),
  /** The value at a path: any JSON value; 404 `Value not found` when nothing is there. */
  getProjectConfigurationValue: op({
    method: 'GET',
    path: '/v1/org/{orgName}/project/{projectName}/cfg/{path}',
    params: { ...project, path: cfgPath },
    response: anyBody<unknown>(),
  }),
  /** Replaces the whole configuration with a JSON object. */
  updateProjectConfiguration: op({ method: 'PUT', path: '/v1/org/{orgName}/project/{projectName}/cfg', params: project, response: result }),
  /** Sets the value at a path; the body is any JSON value, sent as JSON. */
  updateProjectConfigurationValue: op({
    method: 'PUT',
    path: '/v1/org/{orgName}/project/{projectName}/cfg/{path}',
    params: { ...project, path: cfgPath },
    response: result,
  }),
  /** Every team's access at once. */
  getProjectAccessLevel: op({
    method: 'GET',
    path: '/v1/org/{orgName}/project/{projectName}/access',
    params: project,
    response: listOf<WireAccessEntry>({ teamId: 'string', level: 'string' }),
  }),
  /** One team's level, by team id or by team name. */
  updateProjectAccessLevel: op({ method: 'POST', path: '/v1/org/{orgName}/project/{projectName}/access', params: project, response: result }),
  /** Replaces every team's level; team ids only. */
  updateProjectAccessLevelBulk: op({ method: 'POST', path: '/v1/org/{orgName}/project/{projectName}/access/bulk', params: project, response: result }),
  /**
   * Processes, newest first (`ProcessQueueDao` orders by `created_at desc`);
   * `projectName` needs `orgName`.
   */
  listProcesses: op({ method: 'GET', path: '/v2/process', query: ['orgName', 'projectName', 'limit', 'offset'], response: listOf<WireProcess>(processShape) }),
  getProcess: op({ method: 'GET', path: '/v2/process/{instanceId}', params: { instanceId }, response: objectOf<WireProcess>(processShape) }),
  getTeam: op({ method: 'GET', path: '/v1/org/{orgName}/team/{teamName}', params: { orgName, teamName }, response: objectOf<WireTeam>({ id: 'string', name: 'string' }) }),
});
