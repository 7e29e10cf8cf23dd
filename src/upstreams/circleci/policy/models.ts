/** CircleCI config policies and decisions as resolvers receive them. */

/** Where policies live: an owner (organization id) and a policy context (`config`). */
export interface PolicyScope {
  readonly ownerId: string;
  readonly context: string;
}

/** One policy of a bundle. */
export interface CircleCiPolicyDocumentModel extends PolicyScope {
  readonly __typename: 'CircleCIPolicyDocument';
  readonly name: string;
  readonly content: string;
  readonly createdAt: string | null;
  readonly createdBy: string | null;
}

/** The policies of an owner and context. */
export interface CircleCiPolicyBundleModel extends PolicyScope {
  readonly __typename: 'CircleCIPolicyBundle';
  readonly documents: readonly CircleCiPolicyDocumentModel[];
}

/** A rule that failed and why. */
export interface CircleCiRuleFailure {
  readonly rule: string;
  readonly reason: string;
}

/** The outcome of evaluating config. */
export interface CircleCiDecisionModel {
  readonly __typename: 'CircleCIPolicyDecision';
  /** `PASS`, `SOFT_FAIL`, `HARD_FAIL`, `ERROR`, … as CircleCI names it. */
  readonly status: string;
  readonly reason: string | null;
  readonly enabledRules: readonly string[];
  readonly hardFailures: readonly CircleCiRuleFailure[];
  readonly softFailures: readonly CircleCiRuleFailure[];
}

/** What a decision was made for. */
export interface CircleCiDecisionMetadata {
  readonly buildNumber: number | null;
  readonly projectId: string | null;
  readonly sshRerun: boolean | null;
  readonly branch: string | null;
  readonly originRepositoryUrl: string | null;
  readonly targetRepositoryUrl: string | null;
  readonly releaseTag: string | null;
}

/** A recorded decision. */
export interface CircleCiDecisionLogModel extends PolicyScope {
  readonly __typename: 'CircleCIDecisionLog';
  readonly id: string;
  readonly createdAt: string | null;
  readonly decision: CircleCiDecisionModel | null;
  readonly metadata: CircleCiDecisionMetadata | null;
  /** Each policy that was evaluated, with the hash of its content. */
  readonly policies: readonly { readonly name: string; readonly hash: string }[];
  readonly timeTakenMs: number | null;
}

/** Whether decisions are enforced. */
export interface CircleCiDecisionSettingsModel extends PolicyScope {
  readonly __typename: 'CircleCIDecisionSettings';
  readonly enabled: boolean;
}

/** The policy names a bundle upload creates, deletes and modifies. */
export interface CircleCiPolicyBundleDiffModel {
  readonly __typename: 'CircleCIPolicyBundleDiff';
  readonly dryRun: boolean;
  readonly created: readonly string[];
  readonly deleted: readonly string[];
  readonly modified: readonly string[];
}
