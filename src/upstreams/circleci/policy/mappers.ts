import { bool, int, list, obj, str, strList } from '../../decode.js';
import type {
  CircleCiDecisionLogModel,
  CircleCiDecisionModel,
  CircleCiDecisionSettingsModel,
  CircleCiPolicyBundleDiffModel,
  CircleCiPolicyBundleModel,
  CircleCiPolicyDocumentModel,
  CircleCiRuleFailure,
  PolicyScope,
} from './models.js';
import type { WireBundleDiff, WireDecision, WireDecisionLog, WireDecisionSettings, WirePolicyBundle, WirePolicyDocument } from './wire.js';


/** Maps one policy document. */
export function toPolicyDocument(wire: WirePolicyDocument, scope: PolicyScope, fallbackName = ''): CircleCiPolicyDocumentModel {
  return {
    __typename: 'CircleCIPolicyDocument',
    ...scope,
    name: str(wire.name) ?? fallbackName,
    content: str(wire.content) ?? '',
    createdAt: str(wire.created_at),
    createdBy: str(wire.created_by),
  };
}

/** Maps a bundle `{ name: [document, …] }` into its documents, by name. */
export function toPolicyBundle(wire: WirePolicyBundle | null, scope: PolicyScope): CircleCiPolicyBundleModel {
  const documents: CircleCiPolicyDocumentModel[] = [];
  for (const [name, value] of Object.entries(wire ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    // The spec declares a list per name; a single object is read as a list of one.
    const entries = Array.isArray(value) ? value : [value];
    for (const entry of entries) {
      const document = obj(entry);
      if (document !== null) documents.push(toPolicyDocument(document, scope, name));
    }
  }
  return { __typename: 'CircleCIPolicyBundle', ...scope, documents };
}

function toFailures(value: unknown): CircleCiRuleFailure[] {
  return list(value).map((item) => {
    const failure = obj(item);
    return { rule: str(failure?.['rule']) ?? '', reason: str(failure?.['reason']) ?? '' };
  });
}

/** Maps a decision, from MakeDecision or inside a decision log. */
export function toDecision(wire: WireDecision): CircleCiDecisionModel {
  return {
    __typename: 'CircleCIPolicyDecision',
    status: str(wire.status) ?? 'UNKNOWN',
    reason: str(wire.reason),
    enabledRules: strList(wire.enabled_rules),
    hardFailures: toFailures(wire.hard_failures),
    softFailures: toFailures(wire.soft_failures),
  };
}

/** Maps a decision log entry. */
export function toDecisionLog(wire: WireDecisionLog, scope: PolicyScope): CircleCiDecisionLogModel {
  const decision = obj(wire.decision);
  const metadata = obj(wire.metadata);
  const vcs = obj(metadata?.['vcs']);
  return {
    __typename: 'CircleCIDecisionLog',
    ...scope,
    id: str(wire.id) ?? '',
    createdAt: str(wire.created_at),
    decision: decision === null ? null : toDecision(decision),
    metadata:
      metadata === null
        ? null
        : {
            buildNumber: int(metadata['build_number']),
            projectId: str(metadata['project_id']),
            sshRerun: bool(metadata['ssh_rerun']),
            branch: str(vcs?.['branch']),
            originRepositoryUrl: str(vcs?.['origin_repository_url']),
            targetRepositoryUrl: str(vcs?.['target_repository_url']),
            releaseTag: str(vcs?.['release_tag']),
          },
    policies: Object.entries(obj(wire.policies) ?? {})
      .map(([name, hash]) => ({ name, hash: str(hash) ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    timeTakenMs: int(wire.time_taken_ms),
  };
}

/** Maps decision settings; absent `enabled` reads as off. */
export function toDecisionSettings(wire: WireDecisionSettings | null, scope: PolicyScope): CircleCiDecisionSettingsModel {
  return { __typename: 'CircleCIDecisionSettings', ...scope, enabled: bool(wire?.enabled) ?? false };
}

/** Maps what a bundle upload changed (or would change, on a dry run). */
export function toBundleDiff(wire: WireBundleDiff | null, dryRun: boolean): CircleCiPolicyBundleDiffModel {
  return { __typename: 'CircleCIPolicyBundleDiff', dryRun, created: strList(wire?.created), deleted: strList(wire?.deleted), modified: strList(wire?.modified) };
}
