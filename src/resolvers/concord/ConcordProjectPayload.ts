import type { ConcordProjectPayloadResolvers } from '../../generated/graphql.js';

/** Resolvers of `ConcordProjectPayload`. */
export const ConcordProjectPayload: ConcordProjectPayloadResolvers = {
  ok: (payload) => payload.result.ok,
  result: (payload) => payload.result.result,
  projectId: (payload) => payload.result.id ?? payload.project?.id ?? null,
};
