import type { UpstreamSession } from '../../http/UpstreamSession.js';
import type { PolicyScope } from './models.js';
import type { WireBundleDiff, WireDecision, WireDecisionLog, WireDecisionSettings, WirePolicyBundle, WirePolicyDocument } from './wire.js';

const seg = encodeURIComponent;
const base = (scope: PolicyScope): string => `/owner/${seg(scope.ownerId)}/context/${seg(scope.context)}`;

/** The filters of a decision log listing, in CircleCI's terms. */
export interface DecisionLogFilter {
  readonly status?: string | null | undefined;
  readonly after?: string | null | undefined;
  readonly before?: string | null | undefined;
  readonly branch?: string | null | undefined;
  readonly project_id?: string | null | undefined;
  readonly build_number?: string | null | undefined;
}

/** CircleCI config policies: bundles, documents, decisions and their logs. */
export class PolicyClient {
  constructor(private readonly session: UpstreamSession) {}

  /** One page of decision logs from an offset: a plain array. */
  async getDecisionLogs(scope: PolicyScope, filter: DecisionLogFilter, offset: number): Promise<readonly WireDecisionLog[]> {
    const query = { ...filter, offset: offset > 0 ? offset : undefined };
    return (await this.session.get<readonly WireDecisionLog[]>(`${base(scope)}/decision`, query, '/owner/{ownerID}/context/{context}/decision')).body;
  }

  async makeDecision(scope: PolicyScope, input: string, metadata?: Readonly<Record<string, unknown>>): Promise<WireDecision> {
    const body = { input, ...(metadata !== undefined ? { metadata } : {}) };
    return (await this.session.send<WireDecision>({ method: 'POST', path: `${base(scope)}/decision`, body, route: '/owner/{ownerID}/context/{context}/decision' })).body;
  }

  async getDecisionSettings(scope: PolicyScope): Promise<WireDecisionSettings> {
    return (await this.session.get<WireDecisionSettings>(`${base(scope)}/decision/settings`, undefined, '/owner/{ownerID}/context/{context}/decision/settings')).body;
  }

  async setDecisionSettings(scope: PolicyScope, enabled: boolean): Promise<WireDecisionSettings> {
    return (
      await this.session.send<WireDecisionSettings>({
        method: 'PATCH',
        path: `${base(scope)}/decision/settings`,
        body: { enabled },
        route: '/owner/{ownerID}/context/{context}/decision/settings',
      })
    ).body;
  }

  async getDecisionLog(scope: PolicyScope, decisionId: string): Promise<WireDecisionLog> {
    return (await this.session.get<WireDecisionLog>(`${base(scope)}/decision/${seg(decisionId)}`, undefined, '/owner/{ownerID}/context/{context}/decision/{decisionID}')).body;
  }

  async getDecisionLogPolicyBundle(scope: PolicyScope, decisionId: string): Promise<WirePolicyBundle> {
    return (
      await this.session.get<WirePolicyBundle>(
        `${base(scope)}/decision/${seg(decisionId)}/policy-bundle`,
        undefined,
        '/owner/{ownerID}/context/{context}/decision/{decisionID}/policy-bundle',
      )
    ).body;
  }

  async getPolicyBundle(scope: PolicyScope): Promise<WirePolicyBundle> {
    return (await this.session.get<WirePolicyBundle>(`${base(scope)}/policy-bundle`, undefined, '/owner/{ownerID}/context/{context}/policy-bundle')).body;
  }

  /** Replaces the bundle (or, with `dry`, only reports what would change). */
  async createPolicyBundle(scope: PolicyScope, policies: Readonly<Record<string, string>>, dry: boolean): Promise<WireBundleDiff> {
    return (
      await this.session.send<WireBundleDiff>({
        method: 'POST',
        path: `${base(scope)}/policy-bundle`,
        query: { dry: dry ? true : undefined },
        body: { policies },
        route: '/owner/{ownerID}/context/{context}/policy-bundle',
      })
    ).body;
  }

  async getPolicyDocument(scope: PolicyScope, name: string): Promise<WirePolicyDocument> {
    return (
      await this.session.get<WirePolicyDocument>(`${base(scope)}/policy-bundle/${seg(name)}`, undefined, '/owner/{ownerID}/context/{context}/policy-bundle/{policyName}')
    ).body;
  }
}
