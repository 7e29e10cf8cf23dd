import type { UpstreamSession } from '../../http/UpstreamSession.js';
import { connectionFromPages, type Connection, type ConnectionArgs } from '../../../relay/connection.js';
import { list } from '../../decode.js';
import { PolicyClient, type DecisionLogFilter } from './client.js';
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

/** One request's config policy reads and writes. */
export class PolicyLoaders {
  readonly client: PolicyClient;

  constructor(session: UpstreamSession) {
    this.client = new PolicyClient(session);
  }

  /**
   * Decision logs, newest first, paged by CircleCI's `offset`: the token is
   * the offset of the next page. The service does not say whether more
   * exist, so a non-empty page is followed by a (possibly empty) next one.
   */
  decisionLogs(scope: PolicyScope, filter: DecisionLogFilter, args: ConnectionArgs): Promise<Connection<CircleCiDecisionLogModel>> {
    return connectionFromPages(args, async (token) => {
      const offset = token === null ? 0 : Number(token);
      const items = list<WireDecisionLog>(await this.client.getDecisionLogs(scope, filter, offset)).map((wire) => toDecisionLog(wire, scope));
      return { items, next: items.length > 0 ? String(offset + items.length) : null };
    });
  }

  async decisionLog(scope: PolicyScope, decisionId: string): Promise<CircleCiDecisionLogModel> {
    return toDecisionLog(await this.client.getDecisionLog(scope, decisionId), scope);
  }

  async decisionLogBundle(scope: PolicyScope, decisionId: string): Promise<CircleCiPolicyBundleModel> {
    return toPolicyBundle(await this.client.getDecisionLogPolicyBundle(scope, decisionId), scope);
  }

  async bundle(scope: PolicyScope): Promise<CircleCiPolicyBundleModel> {
    return toPolicyBundle(await this.client.getPolicyBundle(scope), scope);
  }

  async document(scope: PolicyScope, name: string): Promise<CircleCiPolicyDocumentModel> {
    return toPolicyDocument(await this.client.getPolicyDocument(scope, name), scope, name);
  }

  async settings(scope: PolicyScope): Promise<CircleCiDecisionSettingsModel> {
    return toDecisionSettings(await this.client.getDecisionSettings(scope), scope);
  }

  async setSettings(scope: PolicyScope, enabled: boolean): Promise<CircleCiDecisionSettingsModel> {
    return toDecisionSettings(await this.client.setDecisionSettings(scope, enabled), scope);
  }

  async decide(scope: PolicyScope, input: string, metadata?: Readonly<Record<string, unknown>>): Promise<CircleCiDecisionModel> {
    return toDecision(await this.client.makeDecision(scope, input, metadata));
  }

  async createBundle(scope: PolicyScope, policies: Readonly<Record<string, string>>, dry: boolean): Promise<CircleCiPolicyBundleDiffModel> {
    return toBundleDiff(await this.client.createPolicyBundle(scope, policies, dry), dry);
  }
}
