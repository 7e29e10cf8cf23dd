import { badUserInput } from '../../../errors/GatewayError.js';
import type { ContextOwnerRef } from '../../../upstreams/circleci/contexts/loaders.js';
import type { CircleCiContextOwnerType, CircleCiContextRestrictionType } from '../../../generated/graphql.js';
import { assertUuid } from '../shared/validation.js';

/** CircleCI's rule for environment variable names. */
export const envVarNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A valid environment variable name, or `BAD_USER_INPUT`. */
export function assertContextEnvVarName(name: string): string {
  if (!envVarNamePattern.test(name) || name.length > 256) {
    throw badUserInput(`"${name.slice(0, 80)}" is not a valid environment variable name: use letters, digits and _, not starting with a digit`, [
      { field: 'name', message: 'invalid environment variable name' },
    ]);
  }
  return name;
}

/** Exactly one of owner id and owner slug; a slug owner is always an organization. */
export function assertOwnerRef(args: { ownerId?: string | null | undefined; ownerSlug?: string | null | undefined; ownerType?: CircleCiContextOwnerType | null | undefined }): ContextOwnerRef {
  const hasId = args.ownerId != null && args.ownerId !== '';
  const hasSlug = args.ownerSlug != null && args.ownerSlug !== '';
  if (hasId === hasSlug) throw badUserInput('Give exactly one of ownerId and ownerSlug', [{ field: 'ownerId', message: 'give ownerId or ownerSlug' }]);
  const type = args.ownerType === 'ACCOUNT' ? 'account' : args.ownerType === 'ORGANIZATION' ? 'organization' : undefined;
  if (hasId) return { id: assertUuid(args.ownerId ?? '', 'ownerId'), type };
  const slug = args.ownerSlug ?? '';
  if (!/^[^/\s]+\/[^/\s]+$/.test(slug)) throw badUserInput('ownerSlug must look like gh/org', [{ field: 'ownerSlug', message: 'not an organization slug' }]);
  if (type === 'account') throw badUserInput('An ownerSlug names an organization: ownerType ACCOUNT needs ownerId', [{ field: 'ownerType', message: 'ACCOUNT needs ownerId' }]);
  return { slug, type };
}

/** A restriction type CircleCI takes: PROJECT or EXPRESSION. */
export function assertRestrictionType(type: CircleCiContextRestrictionType): Exclude<CircleCiContextRestrictionType, 'UNKNOWN'> {
  if (type === 'UNKNOWN') throw badUserInput('restrictionType must be PROJECT or EXPRESSION', [{ field: 'restrictionType', message: 'unsupported' }]);
  return type;
}
