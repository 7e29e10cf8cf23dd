import { op, operationTable, type PathParam } from '../operation.js';
import { anyBody, listOrPageOf, objectOf, pageOf } from '../responseShape.js';
import type { WireDeployment, WireIntegration, WireList, WireMember, WireProject } from './wire.js';

/**
 * Every FlexStack id in a path is one segment. Their shape (22 base58
 * characters, a UUID or 32 hex digits) is checked where clients give them;
 * ids that arrive from FlexStack itself (webhooks) are passed on as they are.
 */
const id: PathParam = { shape: 'a FlexStack id' };
const paging = ['limit', 'after', 'sort'] as const;

const project = objectOf<WireProject>({ id: 'string', name: 'string' });
const projects = pageOf<WireList<WireProject>>('data', { id: 'string', name: 'string' }, { has_more: 'boolean' });
const member = objectOf<WireMember>({ id: 'string' });
const integration = objectOf<WireIntegration>({ id: 'string', type: 'string' });
const deployment = { id: 'string', status: 'string' } as const;

/**
 * FlexStack's projects API (`/v1`), one row per operation. The API reference
 * does not print its paths: these are a reasoned guess, kept here alone so
 * they are easy to correct if the service differs.
 */
export const flexStackOperations = operationTable({
  listProjects: op({ method: 'GET', path: '/projects', query: paging, response: projects }),
  listOrgProjects: op({ method: 'GET', path: '/orgs/{org_id}/projects', params: { org_id: id }, query: paging, response: projects }),
  createProject: op({ method: 'POST', path: '/projects', response: project }),
  getProject: op({ method: 'GET', path: '/projects/{id}', params: { id }, response: project }),
  /** The whole project, changed fields and unchanged ones. */
  updateProject: op({ method: 'PUT', path: '/projects/{id}', params: { id }, response: project }),
  deleteProject: op({ method: 'DELETE', path: '/projects/{id}', params: { id }, response: anyBody() }),
  /** 204: disconnects the project from its cloud account. */
  disconnectProject: op({ method: 'POST', path: '/projects/{id}/disconnect', params: { id }, response: anyBody() }),
  listMembers: op({
    method: 'GET',
    path: '/projects/{id}/members',
    params: { id },
    query: [...paging, 'role'],
    response: pageOf<WireList<WireMember>>('data', { id: 'string' }, { has_more: 'boolean' }),
  }),
  /** Adds 1..100 organization members; answers the members added (one, a list, or a page of them). */
  addMembers: op({ method: 'POST', path: '/projects/{id}/members', params: { id }, response: anyBody<unknown>() }),
  getMember: op({ method: 'GET', path: '/projects/{id}/members/{member_id}', params: { id, member_id: id }, response: member }),
  updateMember: op({ method: 'PUT', path: '/projects/{id}/members/{member_id}', params: { id, member_id: id }, response: member }),
  removeMember: op({ method: 'DELETE', path: '/projects/{id}/members/{member_id}', params: { id, member_id: id }, response: anyBody() }),
  /** Every integration at once, bare or as `{ data }`. */
  listIntegrations: op({
    method: 'GET',
    path: '/projects/{id}/integrations/notifications',
    params: { id },
    response: listOrPageOf<readonly WireIntegration[] | WireList<WireIntegration>>('data', { id: 'string', type: 'string' }),
  }),
  /** 201; FlexStack creates webhook integrations only. */
  createIntegration: op({ method: 'POST', path: '/projects/{id}/integrations/notifications', params: { id }, response: integration }),
  getIntegration: op({ method: 'GET', path: '/projects/{id}/integrations/notifications/{integration_id}', params: { id, integration_id: id }, response: integration }),
  /** The flags sent change. */
  updateIntegration: op({ method: 'PATCH', path: '/projects/{id}/integrations/notifications/{integration_id}', params: { id, integration_id: id }, response: integration }),
  deleteIntegration: op({ method: 'DELETE', path: '/projects/{id}/integrations/notifications/{integration_id}', params: { id, integration_id: id }, response: anyBody() }),
  /**
   * A project's deployments, paged like every list (`sort=-created_at` for
   * newest first). A guess beyond the others: the reference documents
   * deployments only as webhook events, whose `data` these rows read.
   */
  listDeployments: op({
    method: 'GET',
    path: '/projects/{id}/deployments',
    params: { id },
    query: paging,
    response: pageOf<WireList<WireDeployment>>('data', deployment, { has_more: 'boolean' }),
  }),
  /** One deployment by its own id (a guess, as `listDeployments`). */
  getDeployment: op({ method: 'GET', path: '/deployments/{id}', params: { id }, response: objectOf<WireDeployment>(deployment) }),
});
