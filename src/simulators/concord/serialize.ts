import type { ConcordStore, SimProcess, SimProject } from './store.js';

/** A project as Concord's `ProjectEntry` JSON: null fields are left out. */
export function projectJson(store: ConcordStore, project: SimProject): Record<string, unknown> {
  const org = store.orgById(project.orgId);
  const owner = store.users.find((user) => user.id === project.ownerId);
  return {
    id: project.id,
    name: project.name,
    ...(project.description !== undefined ? { description: project.description } : {}),
    orgId: project.orgId,
    orgName: org?.name,
    visibility: project.visibility,
    ...(owner !== undefined
      ? { owner: { id: owner.id, username: owner.username, userDomain: 'example.com', displayName: owner.displayName, userType: 'LOCAL' } }
      : {}),
    rawPayloadMode: project.rawPayloadMode,
    outVariablesMode: project.outVariablesMode,
    processExecMode: project.processExecMode,
    ...(project.meta !== undefined ? { meta: project.meta } : {}),
    createdAt: project.createdAt,
  };
}

/** `ResourceAccessEntry` JSON for each team rule of a project. */
export function accessJson(store: ConcordStore, project: SimProject): Record<string, unknown>[] {
  return [...project.access.entries()].map(([teamId, level]) => {
    const team = store.teams.find((candidate) => candidate.id === teamId);
    const org = team === undefined ? undefined : store.orgById(team.orgId);
    return { teamId, orgName: org?.name, teamName: team?.name, level };
  });
}

/** `ProcessEntry` JSON of a process, with its project's organization and name. */
export function processJson(store: ConcordStore, process: SimProcess): Record<string, unknown> {
  const project = store.projects.find((candidate) => candidate.id === process.projectId);
  const org = project === undefined ? undefined : store.orgById(project.orgId);
  return {
    instanceId: process.instanceId,
    kind: process.kind,
    orgId: org?.id,
    orgName: org?.name,
    projectId: project?.id,
    projectName: project?.name,
    initiator: process.initiator,
    status: process.status,
    createdAt: process.createdAt,
    lastUpdatedAt: process.lastUpdatedAt,
  };
}
