import type { MutationResolvers } from '../../generated/graphql.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { circleCiIdOf, scheduleGlobalId } from './ids.js';

const workflowIdOf = (id: string): string => circleCiIdOf(id, 'CircleCIWorkflow', 'workflowId');
const scheduleIdOf = (id: string): string => circleCiIdOf(id, 'CircleCISchedule', 'id');

/** The CircleCI `Mutation` fields. */
export const Mutation: MutationResolvers = {
  circleciTriggerPipeline: async (_root, { input }, { loaders }) => ({ pipeline: await loaders.circleci.triggerPipeline(input) }),
  circleciContinuePipeline: async (_root, { input }, { loaders }) => ({ message: await loaders.circleci.continuePipeline(input) }),
  circleciCancelJob: async (_root, { input }, { loaders }) => {
    const result = await loaders.circleci.cancelJob({ projectSlug: input.projectSlug, number: input.jobNumber });
    return { message: result.message, job: result.object };
  },
  circleciCancelWorkflow: async (_root, { input }, { loaders }) => {
    const result = await loaders.circleci.cancelWorkflow(workflowIdOf(input.workflowId));
    return { message: result.message, workflow: result.object };
  },
  circleciRerunWorkflow: async (_root, { input }, { loaders }) => ({ workflow: await loaders.circleci.rerunWorkflow(workflowIdOf(input.workflowId), input) }),
  circleciApproveJob: async (_root, { input }, { loaders }) => {
    const result = await loaders.circleci.approveJob(workflowIdOf(input.workflowId), input.approvalRequestId);
    return { message: result.message, workflow: result.object };
  },
  circleciCreateCheckoutKey: async (_root, { input }, { loaders }) => ({
    checkoutKey: await loaders.circleci.createCheckoutKey(input.projectSlug, input.type === 'USER_KEY' ? 'user-key' : 'deploy-key'),
  }),
  circleciDeleteCheckoutKey: async (_root, { input }, { loaders }) => ({
    message: await loaders.circleci.deleteCheckoutKey(input.projectSlug, input.fingerprint),
    deletedFingerprint: input.fingerprint,
    project: await loadOrNull(loaders.circleci.project, input.projectSlug),
  }),
  circleciCreateProjectEnvVar: async (_root, { input }, { loaders }) => ({
    envVar: await loaders.circleci.createEnvVar(input.projectSlug, input.name, input.value),
  }),
  circleciDeleteProjectEnvVar: async (_root, { input }, { loaders }) => ({
    message: await loaders.circleci.deleteEnvVar(input.projectSlug, input.name),
    deletedName: input.name,
    project: await loadOrNull(loaders.circleci.project, input.projectSlug),
  }),
  circleciCreateSchedule: async (_root, { input }, { loaders }) => ({ schedule: await loaders.circleci.createSchedule(input.projectSlug, input) }),
  circleciUpdateSchedule: async (_root, { input }, { loaders }) => ({ schedule: await loaders.circleci.updateSchedule(scheduleIdOf(input.id), input) }),
  circleciDeleteSchedule: async (_root, { input }, { loaders }) => {
    const id = scheduleIdOf(input.id);
    return { message: await loaders.circleci.deleteSchedule(id), deletedScheduleId: scheduleGlobalId(id) };
  },
  circleciCreateProject: async (_root, { input }, { loaders }) => {
    const settings = await loaders.circleci.createProject(input.projectSlug);
    return { settings, project: await loadOrNull(loaders.circleci.project, input.projectSlug) };
  },
  circleciUpdateProjectSettings: async (_root, { input }, { loaders }) => ({
    settings: await loaders.circleci.updateProjectSettings(input.projectSlug, input.settings),
  }),
};
