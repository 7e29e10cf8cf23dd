import type { MutationResolvers } from '../../generated/graphql.js';
import { badUserInput } from '../../errors/GatewayError.js';
import { accessEntry, assertOrgName, assertProjectName, projectFields } from './validation.js';

function assertTarget(org: string, name: string): void {
  assertOrgName(org, 'input.org');
  assertProjectName(name, 'input.name');
}

/** The Concord `Mutation` fields. */
export const Mutation: MutationResolvers = {
  concordCreateProject: (_root, { input }, { loaders }) => {
    assertTarget(input.org, input.name);
    const fields = projectFields(input.fields);
    return loaders.concord.createProject(input.org, input.name, input.cfg == null ? fields : { ...fields, cfg: input.cfg });
  },
  concordUpdateProject: (_root, { input }, { loaders }) => {
    assertTarget(input.org, input.name);
    if (input.newName != null) assertProjectName(input.newName, 'input.newName');
    return loaders.concord.updateProject(input.org, input.name, {
      id: input.projectId ?? undefined,
      newName: input.newName ?? undefined,
      fields: projectFields(input.fields),
    });
  },
  concordDeleteProject: async (_root, { input }, { loaders }) => {
    assertTarget(input.org, input.name);
    return { ...(await loaders.concord.deleteProject(input.org, input.name)), org: input.org, name: input.name };
  },
  concordMoveProject: (_root, { input }, { loaders }) => {
    assertTarget(input.org, input.name);
    if ((input.toOrgName == null) === (input.toOrgId == null)) {
      throw badUserInput('Give exactly one of toOrgName and toOrgId', [{ field: 'input', message: 'needs exactly one of toOrgName, toOrgId' }]);
    }
    if (input.toOrgName != null) assertOrgName(input.toOrgName, 'input.toOrgName');
    return loaders.concord.moveProject(input.org, input.name, { orgName: input.toOrgName ?? undefined, orgId: input.toOrgId ?? undefined });
  },
  concordUpdateConfiguration: (_root, { input }, { loaders }) => {
    assertTarget(input.org, input.name);
    const whole = input.path == null || input.path === '';
    if (whole && (input.value === null || typeof input.value !== 'object' || Array.isArray(input.value))) {
      throw badUserInput('The whole configuration must be an object', [{ field: 'input.value', message: 'must be an object without a path' }]);
    }
    return loaders.concord.updateConfiguration(input.org, input.name, input.path, input.value);
  },
  concordUpdateTeamAccess: (_root, { input }, { loaders }) => {
    assertTarget(input.org, input.name);
    return loaders.concord.updateTeamAccess(input.org, input.name, accessEntry(input.access, input.org, 'input.access'));
  },
  concordBulkUpdateTeamAccess: (_root, { input }, { loaders }) => {
    assertTarget(input.org, input.name);
    const entries = input.access.map((entry, index) => accessEntry(entry, input.org, `input.access.${index}`));
    return loaders.concord.bulkUpdateTeamAccess(input.org, input.name, entries);
  },
};
