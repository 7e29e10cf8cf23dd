import type { QueryResolvers } from '../../../generated/graphql.js';
import { badUserInput, GatewayError } from '../../../errors/GatewayError.js';
import { requireOrderedDates, requireText } from '../shared/validate.js';
import { policyScope } from './validate.js';

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
    requireOrderedDates(args.createdAfter, args.createdBefore, ['createdAfter', 'createdBefore']);
    if (args.buildNumber != null && args.buildNumber < 0) throw badUserInput('buildNumber must not be negative', [{ field: 'buildNumber', message: 'negative' }]);
    const filter = {
      status: args.status,
      after: args.createdAfter,
      before: args.createdBefore,
      branch: args.branch,
      project_id: args.projectId,
      build_number: args.buildNumber == null ? undefined : String(args.buildNumber),
    };
    return loaders.circleci.policy.decisionLogs(policyScope(args), filter, args);
  },
  circleciDecisionLog: (_root, args, { loaders }) => orNull(loaders.circleci.policy.decisionLog(policyScope(args), requireText(args.decisionId, 'decisionId', 128))),
  circleciDecisionSettings: (_root, args, { loaders }) => loaders.circleci.policy.settings(policyScope(args)),
  circleciPolicyBundle: (_root, args, { loaders }) => loaders.circleci.policy.bundle(policyScope(args)),
  circleciPolicyDocument: (_root, args, { loaders }) => orNull(loaders.circleci.policy.document(policyScope(args), requireText(args.name, 'name', 255))),
};
