import { badUserInput } from '../../../errors/GatewayError.js';
import type { PolicyScope } from '../../../upstreams/circleci/policy/models.js';
import { requireText } from '../shared/validate.js';

/** An owner id and a policy context (`config` is the one CircleCI has). */
export function policyScope(args: { ownerId: string; context?: string | null | undefined }): PolicyScope {
  const context = args.context ?? 'config';
  if (!/^[a-z][a-z0-9_-]{0,63}$/.test(context)) throw badUserInput('context must be a policy context name such as "config"', [{ field: 'context', message: 'invalid' }]);
  return { ownerId: requireText(args.ownerId, 'ownerId', 128), context };
}

/** Policies as CircleCI takes them: name to Rego source, names distinct. */
export function policyMap(policies: readonly { name: string; content: string }[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const policy of policies) {
    const name = requireText(policy.name, 'policies.name', 255);
    if (!/^[\w.-]+$/.test(name)) throw badUserInput(`policy name "${name.slice(0, 80)}" may hold only letters, digits, _, . and -`, [{ field: 'policies.name', message: 'invalid name' }]);
    if (name in map) throw badUserInput(`policy "${name}" is given twice`, [{ field: 'policies.name', message: 'duplicate' }]);
    if (policy.content.trim() === '') throw badUserInput(`policy "${name}" is empty`, [{ field: 'policies.content', message: 'empty' }]);
    map[name] = policy.content;
  }
  return map;
}

/** Decision metadata must be a JSON object. */
export function metadataObject(value: unknown): Readonly<Record<string, unknown>> | undefined {
  if (value == null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badUserInput('metadata must be a JSON object', [{ field: 'metadata', message: 'not an object' }]);
  return value as Record<string, unknown>;
}
