import type { FlexStackStore, SimDeployment, SimIntegration, SimPerson, SimProject } from './store.js';

/** The wire shapes of the simulator's objects, as FlexStack sends them. */

/** The FlexStack JSON of a stored project. */
export function projectJson(project: SimProject): Record<string, unknown> {
  return {
    connection_status: project.connectionStatus,
    created_at: project.createdAt,
    default_environment_id: project.defaultEnvironmentId,
    description: project.description,
    icon: project.icon,
    id: project.id,
    name: project.name,
    org_id: project.orgId,
  };
}

/** The FlexStack JSON of a stored member. */
export function memberJson(store: FlexStackStore, project: SimProject, entry: SimProject['members'][number]): Record<string, unknown> {
  const person = store.people.find((candidate) => candidate.id === entry.personId) as SimPerson;
  return {
    account_id: person.accountId,
    avatar: `https://avatars.example.com/${person.name}.png`,
    created_at: entry.createdAt,
    display_name: person.displayName,
    id: person.id,
    name: person.name,
    org_role: person.orgRole,
    profile: person.profile,
    project_id: project.id,
    role: entry.role,
  };
}

/** The FlexStack JSON of a stored integration. */
export function integrationJson(project: SimProject, integration: SimIntegration): Record<string, unknown> {
  return {
    config: integration.config,
    created_at: integration.createdAt,
    id: integration.id,
    notifications: integration.notifications,
    project_id: project.id,
    type: integration.type,
    updated_at: integration.updatedAt,
  };
}

/** The FlexStack JSON of a deployment: what its routes answer and its webhooks carry in `data`. */
export function deploymentJson(deployment: SimDeployment): Record<string, unknown> {
  return {
    created_at: deployment.createdAt,
    environment_id: deployment.environmentId,
    finished_at: deployment.finishedAt,
    id: deployment.id,
    project_id: deployment.projectId,
    status: deployment.status,
  };
}
