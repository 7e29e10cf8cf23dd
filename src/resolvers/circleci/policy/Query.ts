import type { QueryResolvers } from '../../../generated/graphql.js';
import { GatewayError } from '../../../errors/GatewayError.js';
import { assertOrderedDates, assertText } from '../shared/validation.js';
import { assertBuildNumber, assertPolicyScope } from './validation.js';

/** A read that answers null when CircleCI says 404. */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof GatewayError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** The CircleCI `Query` fields. */
export const Query: QueryResolvers = {
  circleciDecisionLogs: (_root, args, { loaders }) => {
    assertOrderedDates(args.createdAfter, args.createdBefore, ['createdAfter', 'createdBefore']);
    assertBuildNumber(args.buildNumber);
    const filter = {
      status: args.status,
      after: args.createdAfter,
      before: args.createdBefore,
      branch: args.branch,
      project_id: args.projectId,
      build_number: args.buildNumber == null ? undefined : String(args.buildNumber),
    };
    return loaders.circleci.policy.decisionLogs(assertPolicyScope(args), filter, args);
  },
  circleciDecisionLog: (_root, args, { loaders }) => orNull(loaders.circleci.policy.decisionLog(assertPolicyScope(args), assertText(args.decisionId, 'decisionId', 128))),
  circleciDecisionSettings: (_root, args, { loaders }) => loaders.circleci.policy.settings(assertPolicyScope(args)),
  circleciPolicyBundle: (_root, args, { loaders }) => loaders.circleci.policy.bundle(assertPolicyScope(args)),
  circleciPolicyDocument: (_root, args, { loaders }) => orNull(loaders.circleci.policy.document(assertPolicyScope(args), assertText(args.name, 'name', 255))),
};
