import { badUserInput } from '../../../errors/GatewayError.js';
import type { PolicyScope } from '../../../upstreams/circleci/policy/models.js';
import { assertText } from '../shared/validation.js';

/** An owner id and a policy context (`config` is the one CircleCI has). */
export function assertPolicyScope(args: { ownerId: string; context?: string | null | undefined }): PolicyScope {
  const context = args.context ?? 'config';
  if (!/^[a-z][a-z0-9_-]{0,63}$/.test(context)) throw badUserInput('context must be a policy context name such as "config"', [{ field: 'context', message: 'invalid' }]);
  return { ownerId: assertText(args.ownerId, 'ownerId', 128), context };
}

/** Policies as CircleCI takes them: name to Rego source, names distinct. */
export function assertPolicyMap(policies: readonly { name: string; content: string }[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const policy of policies) {
    const name = assertText(policy.name, 'policies.name', 255);
    if (!/^[\w.-]+$/.test(name)) throw badUserInput(`policy name "${name.slice(0, 80)}" may hold only letters, digits, _, . and -`, [{ field: 'policies.name', message: 'invalid name' }]);
    if (name in map) throw badUserInput(`policy "${name}" is given twice`, [{ field: 'policies.name', message: 'duplicate' }]);
    if (policy.content.trim() === '') throw badUserInput(`policy "${name}" is empty`, [{ field: 'policies.content', message: 'empty' }]);
    map[name] = policy.content;
  }
  return map;
}

/** Decision metadata must be a JSON object. */
export function assertMetadataObject(value: unknown): Readonly<Record<string, unknown>> | undefined {
  if (value == null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badUserInput('metadata must be a JSON object', [{ field: 'metadata', message: 'not an object' }]);
  return value as Record<string, unknown>;
}

/** A build number to filter decisions by: not negative. */
export function assertBuildNumber<T extends number | null | undefined>(value: T): T {
  if (value != null && value < 0) throw badUserInput('buildNumber must not be negative', [{ field: 'buildNumber', message: 'negative' }]);
  return value;
}
