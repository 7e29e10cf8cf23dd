import { bool, obj, str } from '../decode.js';
import {
  concordAccessLevels,
  concordVisibilities,
  type ConcordAccessLevel,
  type ConcordOperationResult,
  type ConcordOwner,
  type ConcordProcessModel,
  type ConcordProjectModel,
  type ConcordTeamAccessModel,
  type ConcordVisibility,
} from './models.js';
import type { WireAccessEntry, WireOperationResult, WireProcess, WireProject } from './wire.js';

function oneOf<T extends string>(value: unknown, known: readonly T[]): T | null {
  const text = str(value)?.toUpperCase();
  return text !== undefined && (known as readonly string[]).includes(text) ? (text as T) : null;
}

function toOwner(value: unknown): ConcordOwner | null {
  const owner = obj(value);
  if (owner === null) return null;
  return {
    id: str(owner['id']),
    username: str(owner['username']),
    userDomain: str(owner['userDomain']),
    displayName: str(owner['displayName']),
    userType: str(owner['userType']),
  };
}

/**
 * Maps a project. `orgName` is the organization it was read from, for the
 * v1 list entries that may leave it out.
 */
export function toProject(wire: WireProject, orgName: string): ConcordProjectModel {
  return {
    __typename: 'ConcordProject',
    id: str(wire.id) ?? '',
    name: str(wire.name) ?? '',
    orgId: str(wire.orgId),
    orgName: str(wire.orgName) ?? orgName,
    description: str(wire.description),
    visibility: oneOf<ConcordVisibility>(wire.visibility, concordVisibilities),
    owner: toOwner(wire.owner),
    rawPayloadMode: str(wire.rawPayloadMode),
    outVariablesMode: str(wire.outVariablesMode),
    processExecMode: str(wire.processExecMode),
    meta: obj(wire.meta),
    createdAt: str(wire.createdAt),
  };
}

/** Maps one entry of `GET …/project/{name}/access`. */
export function toTeamAccess(wire: WireAccessEntry, projectOrgName: string, projectName: string): ConcordTeamAccessModel {
  return {
    __typename: 'ConcordTeamAccess',
    projectOrgName,
    projectName,
    teamId: str(wire.teamId) ?? '',
    teamName: str(wire.teamName),
    orgName: str(wire.orgName),
    level: oneOf<ConcordAccessLevel>(wire.level, concordAccessLevels),
    rawLevel: str(wire.level) ?? '',
  };
}

/** Maps `{ ok, id, result }`. */
export function toOperationResult(wire: WireOperationResult | null): ConcordOperationResult {
  return { ok: bool(wire?.ok) ?? false, id: str(wire?.id), result: str(wire?.result) ?? '' };
}

/**
 * Maps a process. `org` and `project` are those it was listed under, for
 * entries that leave them out.
 */
export function toProcess(wire: WireProcess, org?: string, project?: string): ConcordProcessModel {
  return {
    __typename: 'ConcordProcess',
    instanceId: str(wire.instanceId) ?? '',
    kind: str(wire.kind),
    orgName: str(wire.orgName) ?? org ?? null,
    projectName: str(wire.projectName) ?? project ?? null,
    initiator: str(wire.initiator),
    status: str(wire.status) ?? '',
    createdAt: str(wire.createdAt),
    lastUpdatedAt: str(wire.lastUpdatedAt),
  };
}
