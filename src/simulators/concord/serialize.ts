import type { ConcordStore, SimProject } from './store.js';

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
