import type { MutationResolvers } from '../../generated/graphql.js';
import { loadOrNull } from '../../upstreams/loaderUtils.js';
import { assertCircleCiId, scheduleGlobalId } from './ids.js';
import {
  assertContinueInput,
  assertFollowableProjectSlug,
  assertProjectEnvVarName,
  assertRerunInput,
  assertScheduleInput,
  assertSettingsInput,
  assertTriggerInput,
} from './validation.js';

const workflowIdOf = (id: string): string => assertCircleCiId(id, 'CircleCIWorkflow', 'workflowId');
const scheduleIdOf = (id: string): string => assertCircleCiId(id, 'CircleCISchedule', 'id');

/** The CircleCI `Mutation` fields. */
export const Mutation: MutationResolvers = {
  circleciTriggerPipeline: async (_root, { input }, { loaders }) => ({ pipeline: await loaders.circleci.triggerPipeline(assertTriggerInput(input)) }),
  circleciContinuePipeline: async (_root, { input }, { loaders }) => ({ message: await loaders.circleci.continuePipeline(assertContinueInput(input)) }),
  circleciCancelJob: async (_root, { input }, { loaders }) => {
    const result = await loaders.circleci.cancelJob({ projectSlug: input.projectSlug, number: input.jobNumber });
    return { message: result.message, job: result.object };
  },
  circleciCancelWorkflow: async (_root, { input }, { loaders }) => {
    const result = await loaders.circleci.cancelWorkflow(workflowIdOf(input.workflowId));
    return { message: result.message, workflow: result.object };
  },
  circleciRerunWorkflow: async (_root, { input }, { loaders }) => ({ workflow: await loaders.circleci.rerunWorkflow(workflowIdOf(input.workflowId), assertRerunInput(input)) }),
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
    envVar: await loaders.circleci.createEnvVar(input.projectSlug, assertProjectEnvVarName(input.name), input.value),
  }),
  circleciDeleteProjectEnvVar: async (_root, { input }, { loaders }) => ({
    message: await loaders.circleci.deleteEnvVar(input.projectSlug, input.name),
    deletedName: input.name,
    project: await loadOrNull(loaders.circleci.project, input.projectSlug),
  }),
  circleciCreateSchedule: async (_root, { input }, { loaders }) => ({ schedule: await loaders.circleci.createSchedule(input.projectSlug, assertScheduleInput(input, false)) }),
  circleciUpdateSchedule: async (_root, { input }, { loaders }) => ({ schedule: await loaders.circleci.updateSchedule(scheduleIdOf(input.id), assertScheduleInput(input, true)) }),
  circleciDeleteSchedule: async (_root, { input }, { loaders }) => {
    const id = scheduleIdOf(input.id);
    return { message: await loaders.circleci.deleteSchedule(id), deletedScheduleId: scheduleGlobalId(id) };
  },
  circleciCreateProject: async (_root, { input }, { loaders }) => {
    const settings = await loaders.circleci.createProject(assertFollowableProjectSlug(input.projectSlug));
    return { settings, project: await loadOrNull(loaders.circleci.project, input.projectSlug) };
  },
  circleciUpdateProjectSettings: async (_root, { input }, { loaders }) => ({
    settings: await loaders.circleci.updateProjectSettings(input.projectSlug, assertSettingsInput(input.settings)),
  }),
};
