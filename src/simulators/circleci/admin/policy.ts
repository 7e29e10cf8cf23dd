import { createHash } from 'node:crypto';
import type { Router } from '../../core/Router.js';
import type { SimRequest } from '../../core/Simulator.js';
import { stableUuid } from '../../core/ids.js';
import type { CircleCiStore } from '../store.js';
import { areaState, bodyOf, isoAt, requireOrg, seedEpoch, SimErrorField, withErrorField } from './shared.js';
import { isJsonObject } from '../../core/isJsonObject.js';
import { circleCiOperations as ops } from '../../../upstreams/circleci/operations.js';

/** One Rego policy of a bundle. */
export interface SimPolicy {
  readonly name: string;
  readonly content: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** The result of evaluating config against a bundle. */
export interface SimDecision {
  readonly status: 'PASS' | 'SOFT_FAIL' | 'HARD_FAIL';
  readonly enabledRules: string[];
  readonly hardFailures: { rule: string; reason: string }[];
  readonly softFailures: { rule: string; reason: string }[];
}

/** A recorded decision. */
export interface SimDecisionLog {
  readonly id: string;
  readonly createdAt: string;
  readonly decision: SimDecision;
  readonly projectId: string;
  readonly branch: string;
  readonly buildNumber: number;
  readonly policies: Record<string, string>;
}

interface OwnerPolicies {
  policies: SimPolicy[];
  enabled: boolean;
  /** Newest first. */
  decisions: SimDecisionLog[];
  /** Each decision's bundle as it was when decided. */
  bundles: Map<string, SimPolicy[]>;
}

/** Decision logs per page. */
export const decisionPageSize = 20;
/** The largest bundle the service accepts, in bytes of policy text. */
export const maxBundleBytes = 1_000_000;

const hashOf = (content: string): string => createHash('sha512').update(content).digest('hex');

function seedPolicies(): SimPolicy[] {
  return [
    { name: 'require_version', content: 'package org\n\npolicy_name["require_version"]\n', createdAt: isoAt(seedEpoch - 86_400_000), createdBy: 'ada' },
    { name: 'ban_docker_latest', content: 'package org\n\npolicy_name["ban_docker_latest"]\n', createdAt: isoAt(seedEpoch - 86_400_000), createdBy: 'ada' },
  ];
}

/** Evaluates config against the bundle: the simulation's two rules are a declared version and no `:latest` image. */
function decide(policies: readonly SimPolicy[], input: string): SimDecision {
  const names = policies.map((policy) => policy.name);
  const hardFailures: SimDecision['hardFailures'] = [];
  const softFailures: SimDecision['softFailures'] = [];
  if (names.includes('require_version') && !/^version:/m.test(input)) hardFailures.push({ rule: 'require_version', reason: 'config must declare a version' });
  if (names.includes('ban_docker_latest') && /:latest\b/.test(input)) softFailures.push({ rule: 'ban_docker_latest', reason: 'images should be pinned, not :latest' });
  const status = hardFailures.length > 0 ? 'HARD_FAIL' : softFailures.length > 0 ? 'SOFT_FAIL' : 'PASS';
  return { status, enabledRules: names, hardFailures, softFailures };
}

/** Policies per owner (organization id) in the `config` context. */
export const policyState = areaState((store) => {
  const owners = new Map<string, OwnerPolicies>();
  const acme = store.orgs.find((org) => org.slug === 'gh/acme');
  const api = store.projects.find((project) => project.slug === 'gh/acme/api');
  if (acme !== undefined && api !== undefined) {
    const policies = seedPolicies();
    const decisions: SimDecisionLog[] = [];
    const bundles = new Map<string, SimPolicy[]>();
    for (let n = 30; n >= 1; n--) {
      const input = n % 7 === 0 ? 'jobs: {}\n' : n % 5 === 0 ? 'version: 2.1\nimage: node:latest\n' : 'version: 2.1\n';
      const id = stableUuid(`decision:${acme.id}:${n}`);
      decisions.push({
        id,
        createdAt: isoAt(seedEpoch - (31 - n) * 3_600_000),
        decision: decide(policies, input),
        projectId: api.id,
        branch: n % 3 === 0 ? 'feature/login' : 'main',
        buildNumber: 100 + n,
        policies: Object.fromEntries(policies.map((policy) => [policy.name, hashOf(policy.content)])),
      });
      bundles.set(id, policies);
    }
    decisions.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    owners.set(acme.id, { policies, enabled: true, decisions, bundles });
  }
  return { owners };
});

const documentJson = (policy: SimPolicy) => ({ content: policy.content, created_at: policy.createdAt, created_by: policy.createdBy, name: policy.name });
const bundleJson = (policies: readonly SimPolicy[]) => Object.fromEntries(policies.map((policy) => [policy.name, [documentJson(policy)]]));
const decisionJson = (decision: SimDecision) => ({
  status: decision.status,
  enabled_rules: decision.enabledRules,
  ...(decision.hardFailures.length > 0 ? { hard_failures: decision.hardFailures } : {}),
  ...(decision.softFailures.length > 0 ? { soft_failures: decision.softFailures } : {}),
});
const logJson = (log: SimDecisionLog) => ({
  created_at: log.createdAt,
  decision: decisionJson(log.decision),
  id: log.id,
  metadata: { build_number: log.buildNumber, project_id: log.projectId, ssh_rerun: false, vcs: { branch: log.branch } },
  policies: log.policies,
  time_taken_ms: 4,
});

/** Config policies and decisions: `/owner/{ownerID}/context/{context}/…`; errors are `{ "error" }`. */
export function policyRoutes(router: Router, store: CircleCiStore): void {
  const ownerOf = (req: SimRequest): OwnerPolicies => {
    if (req.params['context'] !== 'config') throw new SimErrorField(400, 'context must be "config"');
    const org = requireOrg(store, req, req.params['ownerID'] ?? '', 403, true);
    const owners = policyState(store).owners;
    let owner = owners.get(org.id);
    if (owner === undefined) {
      owner = { policies: [], enabled: false, decisions: [], bundles: new Map() };
      owners.set(org.id, owner);
    }
    return owner;
  };
  const dateParam = (req: SimRequest, name: string): number | null => {
    const value = req.query.get(name);
    if (value === null) return null;
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw new SimErrorField(400, `${name} must be an RFC 3339 date-time`);
    return ms;
  };

  router.on(
    ops.GetDecisionLogs,
    withErrorField((req) => {
      const owner = ownerOf(req);
      const after = dateParam(req, 'after');
      const before = dateParam(req, 'before');
      const offsetText = req.query.get('offset') ?? '0';
      if (!/^\d+$/.test(offsetText)) throw new SimErrorField(400, 'offset must be a non-negative integer');
      const status = req.query.get('status');
      const branch = req.query.get('branch');
      const projectId = req.query.get('project_id');
      const buildNumber = req.query.get('build_number');
      const logs = owner.decisions.filter(
        (log) =>
          (status === null || log.decision.status.toLowerCase() === status.toLowerCase()) &&
          (branch === null || log.branch === branch) &&
          (projectId === null || log.projectId === projectId) &&
          (buildNumber === null || String(log.buildNumber) === buildNumber) &&
          (after === null || Date.parse(log.createdAt) > after) &&
          (before === null || Date.parse(log.createdAt) < before),
      );
      const offset = Number(offsetText);
      return { status: 200, body: logs.slice(offset, offset + decisionPageSize).map(logJson) };
    }),
  );

  router.on(
    ops.MakeDecision,
    withErrorField((req) => {
      const owner = ownerOf(req);
      const body = bodyOf(req);
      const input = body['input'];
      if (typeof input !== 'string' || input.trim() === '') throw new SimErrorField(400, 'input is required');
      const decision = decide(owner.policies, input);
      const id = stableUuid(`decision:${req.params['ownerID'] ?? ''}:${Date.now()}:${owner.decisions.length}`);
      const metadata = (body['metadata'] ?? {}) as Record<string, unknown>;
      owner.decisions.unshift({
        id,
        createdAt: new Date().toISOString(),
        decision,
        projectId: typeof metadata['project_id'] === 'string' ? metadata['project_id'] : '00000000-0000-4000-a000-000000000000',
        branch: typeof metadata['branch'] === 'string' ? metadata['branch'] : 'main',
        buildNumber: typeof metadata['build_number'] === 'number' ? metadata['build_number'] : 0,
        policies: Object.fromEntries(owner.policies.map((policy) => [policy.name, hashOf(policy.content)])),
      });
      owner.bundles.set(id, [...owner.policies]);
      return { status: 200, body: decisionJson(decision) };
    }),
  );

  router.on(ops.GetDecisionSettings, withErrorField((req) => ({ status: 200, body: { enabled: ownerOf(req).enabled } })));

  router.on(
    ops.SetDecisionSettings,
    withErrorField((req) => {
      const owner = ownerOf(req);
      const enabled = bodyOf(req)['enabled'];
      if (enabled !== undefined && typeof enabled !== 'boolean') throw new SimErrorField(400, 'enabled must be a boolean');
      if (typeof enabled === 'boolean') owner.enabled = enabled;
      return { status: 200, body: { enabled: owner.enabled } };
    }),
  );

  const logOf = (req: SimRequest): [OwnerPolicies, SimDecisionLog] => {
    const owner = ownerOf(req);
    const log = owner.decisions.find((candidate) => candidate.id === req.params['decisionID']);
    if (log === undefined) throw new SimErrorField(404, 'decision log not found');
    return [owner, log];
  };

  router.on(ops.GetDecisionLog, withErrorField((req) => ({ status: 200, body: logJson(logOf(req)[1]) })));

  router.on(
    ops.GetDecisionLogPolicyBundle,
    withErrorField((req) => {
      const [owner, log] = logOf(req);
      return { status: 200, body: bundleJson(owner.bundles.get(log.id) ?? []) };
    }),
  );

  router.on(ops.GetPolicyBundle, withErrorField((req) => ({ status: 200, body: bundleJson(ownerOf(req).policies) })));

  router.on(
    ops.CreatePolicyBundle,
    withErrorField((req) => {
      const owner = ownerOf(req);
      const policies = bodyOf(req)['policies'];
      if (!isJsonObject(policies)) throw new SimErrorField(400, 'policies must be an object of name to content');
      const entries = Object.entries(policies as Record<string, unknown>);
      if (req.rawBody.length > maxBundleBytes) throw new SimErrorField(413, 'policy bundle too large');
      for (const [name, content] of entries) {
        if (typeof content !== 'string' || !/^\s*package org\b/m.test(content)) throw new SimErrorField(400, `failed to parse policy file ${name}: must declare "package org"`);
      }
      const before = new Map(owner.policies.map((policy) => [policy.name, policy.content]));
      const after = new Map(entries as [string, string][]);
      const created = [...after.keys()].filter((name) => !before.has(name)).sort();
      const deleted = [...before.keys()].filter((name) => !after.has(name)).sort();
      const modified = [...after.keys()].filter((name) => before.has(name) && before.get(name) !== after.get(name)).sort();
      const dry = req.query.get('dry') === 'true';
      if (!dry) {
        const now = new Date().toISOString();
        owner.policies = [...after.entries()].map(([name, content]) => ({ name, content, createdAt: now, createdBy: 'api' }));
      }
      return { status: dry ? 200 : 201, body: { created, deleted, modified } };
    }),
  );

  router.on(
    ops.GetPolicyDocument,
    withErrorField((req) => {
      const policy = ownerOf(req).policies.find((candidate) => candidate.name === req.params['policyName']);
      if (policy === undefined) throw new SimErrorField(404, 'policy not found');
      return { status: 200, body: documentJson(policy) };
    }),
  );
}
