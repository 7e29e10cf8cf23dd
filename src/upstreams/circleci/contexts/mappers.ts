import { enumName, str } from '../../decode.js';
import {
  restrictionTypes,
  type CircleCiContextEnvVarModel,
  type CircleCiContextModel,
  type CircleCiContextOwner,
  type CircleCiContextRestrictionModel,
} from './models.js';
import type { WireContext, WireContextEnvVar, WireContextRestriction, WireMessage } from './wire.js';

/** Maps a context from list, get or create; the owner is known only to the caller. */
export function toContext(wire: WireContext, owner: CircleCiContextOwner | null = null): CircleCiContextModel {
  return { __typename: 'CircleCIContext', id: str(wire.id) ?? '', name: str(wire.name) ?? '', createdAt: str(wire.created_at), owner };
}

/** Maps an environment variable of a context (its value is never sent back). */
export function toContextEnvVar(wire: WireContextEnvVar, contextId?: string): CircleCiContextEnvVarModel {
  return {
    __typename: 'CircleCIContextEnvironmentVariable',
    variable: str(wire.variable) ?? '',
    contextId: str(wire.context_id) ?? contextId ?? '',
    createdAt: str(wire.created_at),
    updatedAt: str(wire.updated_at),
  };
}

/** Maps a restriction; the create answer carries no `context_id`, so the caller passes it. */
export function toContextRestriction(wire: WireContextRestriction, contextId?: string): CircleCiContextRestrictionModel {
  return {
    __typename: 'CircleCIContextRestriction',
    id: str(wire.id) ?? '',
    contextId: str(wire.context_id) ?? contextId ?? '',
    projectId: str(wire.project_id),
    name: str(wire.name),
    restrictionType: enumName(wire.restriction_type, restrictionTypes),
    rawRestrictionType: str(wire.restriction_type) ?? 'unknown',
    restrictionValue: str(wire.restriction_value) ?? '',
  };
}

/** Reads `{ "message" }`. */
export function toMessage(wire: WireMessage | null): string {
  return str(wire?.message) ?? '';
}
