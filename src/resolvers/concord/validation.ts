import { badUserInput } from '../../errors/GatewayError.js';
import type { ConcordProjectFieldsInput, ConcordTeamAccessInput } from '../../generated/graphql.js';
import type { ConcordProjectFields } from '../../upstreams/concord/loaders.js';
import type { WireAccessWrite } from '../../upstreams/concord/wire.js';
import { concordKeyPattern } from '../../upstreams/concord/names.js';

/** Whether `value` is a UUID, as Concord's ids are. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

function assertKey(value: string, field: string, kind: string): void {
  if (!concordKeyPattern.test(value)) {
    throw badUserInput(`"${value.slice(0, 130)}" is not a valid Concord ${kind} name`, [{ field, message: `must match ${concordKeyPattern.source}` }]);
  }
}

/** Throws BAD_USER_INPUT unless `value` is a valid Concord project name. */
export function assertProjectName(value: string, field: string): void {
  assertKey(value, field, 'project');
}

/** Throws BAD_USER_INPUT unless `value` is a valid Concord organization name (the same rule as projects). */
export function assertOrgName(value: string, field: string): void {
  assertKey(value, field, 'organization');
}

/** Throws BAD_USER_INPUT unless a write names a valid organization (`input.org`) and project (`input.name`). */
export function assertTarget(org: string, name: string): void {
  assertOrgName(org, 'input.org');
  assertProjectName(name, 'input.name');
}

/** Throws BAD_USER_INPUT unless a move names exactly one target organization, a valid name when by name. */
export function assertMoveTarget(input: { readonly toOrgName?: string | null | undefined; readonly toOrgId?: string | null | undefined }): void {
  if ((input.toOrgName == null) === (input.toOrgId == null)) {
    throw badUserInput('Give exactly one of toOrgName and toOrgId', [{ field: 'input', message: 'needs exactly one of toOrgName, toOrgId' }]);
  }
  if (input.toOrgName != null) assertOrgName(input.toOrgName, 'input.toOrgName');
}

/** Throws BAD_USER_INPUT when the whole configuration (no path) would be replaced by something other than an object. */
export function assertConfigurationValue(path: string | null | undefined, value: unknown): void {
  const whole = path == null || path === '';
  if (whole && (value === null || typeof value !== 'object' || Array.isArray(value))) {
    throw badUserInput('The whole configuration must be an object', [{ field: 'input.value', message: 'must be an object without a path' }]);
  }
}

/** The fields input as Concord's write body: left-out and null fields are not sent, so they do not change. */
export function projectFields(input: ConcordProjectFieldsInput | null | undefined): ConcordProjectFields {
  const fields: { -readonly [K in keyof ConcordProjectFields]: ConcordProjectFields[K] } = {};
  if (input == null) return fields;
  if (input.description != null) fields.description = input.description;
  if (input.visibility != null) fields.visibility = input.visibility;
  if (input.rawPayloadMode != null) fields.rawPayloadMode = input.rawPayloadMode;
  if (input.outVariablesMode != null) fields.outVariablesMode = input.outVariablesMode;
  if (input.processExecMode != null) fields.processExecMode = input.processExecMode;
  if (input.meta != null) fields.meta = input.meta;
  return fields;
}

/** One access rule as Concord's body, checked: a team id, or a team name. */
export function assertAccessEntry(input: ConcordTeamAccessInput, projectOrg: string, field: string): WireAccessWrite {
  if (input.teamId != null) {
    if (!isUuid(input.teamId)) {
      throw badUserInput('teamId must be a UUID', [{ field: `${field}.teamId`, message: 'must be a UUID' }]);
    }
    return { teamId: input.teamId, level: input.level };
  }
  if (input.teamName == null || input.teamName.trim() === '') {
    throw badUserInput('Give teamId or teamName', [{ field, message: 'needs teamId or teamName' }]);
  }
  assertKey(input.teamName, `${field}.teamName`, 'team');
  if (input.teamOrgName != null) assertKey(input.teamOrgName, `${field}.teamOrgName`, 'organization');
  return { orgName: input.teamOrgName ?? projectOrg, teamName: input.teamName, level: input.level };
}
