import { connectionFromPages, type Connection, type ConnectionArgs } from '../../../relay/connection.js';
import { list } from '../../decode.js';
import type { CircleCiApi } from '../api.js';
import { toBundleDiff, toDecision, toDecisionLog, toDecisionSettings, toPolicyBundle, toPolicyDocument } from './mappers.js';
import type {
  CircleCiDecisionLogModel,
  CircleCiDecisionModel,
  CircleCiDecisionSettingsModel,
  CircleCiPolicyBundleDiffModel,
  CircleCiPolicyBundleModel,
  CircleCiPolicyDocumentModel,
  PolicyScope,
} from './models.js';
import type { WireDecisionLog } from './wire.js';

/** The filters of a decision log listing, in CircleCI's terms. */
export interface DecisionLogFilter {
  readonly status?: string | null | undefined;
  readonly after?: string | null | undefined;
  readonly before?: string | null | undefined;
  readonly branch?: string | null | undefined;
  readonly project_id?: string | null | undefined;
  readonly build_number?: string | null | undefined;
}

const scopePath = (scope: PolicyScope) => ({ ownerID: scope.ownerId, context: scope.context });

/** One request's config policy reads and writes: bundles, documents, decisions and their logs. */
export class PolicyLoaders {
  constructor(private readonly api: CircleCiApi) {}

  /**
   * Decision logs, newest first, paged by CircleCI's `offset`: the token is
   * the offset of the next page. The service does not say whether more
   * exist, so a non-empty page is followed by a (possibly empty) next one.
   */
  decisionLogs(scope: PolicyScope, filter: DecisionLogFilter, args: ConnectionArgs): Promise<Connection<CircleCiDecisionLogModel>> {
    return connectionFromPages(args, async (token) => {
      const offset = token === null ? 0 : Number(token);
      const query = { ...filter, offset: offset > 0 ? offset : undefined };
      const items = list<WireDecisionLog>((await this.api.GetDecisionLogs({ path: scopePath(scope), query })).body).map((wire) => toDecisionLog(wire, scope));
      return { items, next: items.length > 0 ? String(offset + items.length) : null };
    });
  }

  async decisionLog(scope: PolicyScope, decisionId: string): Promise<CircleCiDecisionLogModel> {
    return toDecisionLog((await this.api.GetDecisionLog({ path: { ...scopePath(scope), decisionID: decisionId } })).body, scope);
  }

  async decisionLogBundle(scope: PolicyScope, decisionId: string): Promise<CircleCiPolicyBundleModel> {
    return toPolicyBundle((await this.api.GetDecisionLogPolicyBundle({ path: { ...scopePath(scope), decisionID: decisionId } })).body, scope);
  }

  async bundle(scope: PolicyScope): Promise<CircleCiPolicyBundleModel> {
    return toPolicyBundle((await this.api.GetPolicyBundle({ path: scopePath(scope) })).body, scope);
  }

  async document(scope: PolicyScope, name: string): Promise<CircleCiPolicyDocumentModel> {
    return toPolicyDocument((await this.api.GetPolicyDocument({ path: { ...scopePath(scope), policyName: name } })).body, scope, name);
  }

  async settings(scope: PolicyScope): Promise<CircleCiDecisionSettingsModel> {
    return toDecisionSettings((await this.api.GetDecisionSettings({ path: scopePath(scope) })).body, scope);
  }

  async setSettings(scope: PolicyScope, enabled: boolean): Promise<CircleCiDecisionSettingsModel> {
    return toDecisionSettings((await this.api.SetDecisionSettings({ path: scopePath(scope), body: { enabled } })).body, scope);
  }

  async decide(scope: PolicyScope, input: string, metadata?: Readonly<Record<string, unknown>>): Promise<CircleCiDecisionModel> {
    const body = { input, ...(metadata !== undefined ? { metadata } : {}) };
    return toDecision((await this.api.MakeDecision({ path: scopePath(scope), body })).body);
  }

  /** Replaces the bundle (or, with `dry`, only reports what would change). */
  async createBundle(scope: PolicyScope, policies: Readonly<Record<string, string>>, dry: boolean): Promise<CircleCiPolicyBundleDiffModel> {
    const response = await this.api.CreatePolicyBundle({ path: scopePath(scope), query: { dry: dry ? true : undefined }, body: { policies } });
    return toBundleDiff(response.body, dry);
  }
}
