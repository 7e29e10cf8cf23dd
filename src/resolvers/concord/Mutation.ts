import type { MutationResolvers } from '../../generated/graphql.js';
import { assertAccessEntry, assertConfigurationValue, assertMoveTarget, assertProjectName, assertTarget, projectFields } from './validation.js';

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
    assertMoveTarget(input);
    return loaders.concord.moveProject(input.org, input.name, { orgName: input.toOrgName ?? undefined, orgId: input.toOrgId ?? undefined });
  },
  concordUpdateConfiguration: (_root, { input }, { loaders }) => {
    assertTarget(input.org, input.name);
    assertConfigurationValue(input.path, input.value);
    return loaders.concord.updateConfiguration(input.org, input.name, input.path, input.value);
  },
  concordUpdateTeamAccess: (_root, { input }, { loaders }) => {
    assertTarget(input.org, input.name);
    return loaders.concord.updateTeamAccess(input.org, input.name, assertAccessEntry(input.access, input.org, 'input.access'));
  },
  concordBulkUpdateTeamAccess: (_root, { input }, { loaders }) => {
    assertTarget(input.org, input.name);
    const entries = input.access.map((entry, index) => assertAccessEntry(entry, input.org, `input.access.${index}`));
    return loaders.concord.bulkUpdateTeamAccess(input.org, input.name, entries);
  },
};
