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
export function accessEntry(input: ConcordTeamAccessInput, projectOrg: string, field: string): WireAccessWrite {
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
