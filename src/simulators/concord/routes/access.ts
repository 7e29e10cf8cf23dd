import { SimError, type SimRequest } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { obj, str } from '../../../upstreams/decode.js';
import { accessJson } from '../serialize.js';
import type { AccessLevel, ConcordStore, SimTeam } from '../store.js';
import { assertCanWrite, jsonBodyOf, projectOf, validationError } from './context.js';
import { concordOperations as ops } from '../../../upstreams/concord/operations.js';

const levels: readonly string[] = ['READER', 'WRITER', 'OWNER'];

/** One rule of the single-entry endpoint: a team id, or a team name it resolves (`ResourceAccessUtils.getTeamId`). */
function ruleOf(store: ConcordStore, value: unknown, id: string): { team: SimTeam; level: AccessLevel } {
  const entry = obj(value);
  const level = str(entry?.['level']);
  if (level === null || !levels.includes(level)) throw validationError([{ id: `${id}.level`, message: 'must be READER, WRITER or OWNER' }]);
  const teamId = str(entry?.['teamId']);
  let team: SimTeam | undefined;
  if (teamId !== null) {
    team = store.teams.find((candidate) => candidate.id === teamId);
    if (team === undefined) throw new SimError(404, `Team not found: ${teamId}`);
  } else {
    const orgName = str(entry?.['orgName']);
    const teamName = str(entry?.['teamName']);
    if (orgName === null || teamName === null) throw validationError([{ id: `${id}.teamId`, message: 'teamId or orgName and teamName are required' }]);
    const org = store.orgByName(orgName);
    team = org === undefined ? undefined : store.teams.find((candidate) => candidate.orgId === org.id && candidate.name === teamName);
    if (team === undefined) throw new SimError(404, `Team not found: ${teamName}`);
  }
  return { team, level: level as AccessLevel };
}

/**
 * One rule of the bulk endpoint: `ProjectAccessManager.updateAccessLevel`
 * stores `entry.getTeamId()` as it is and resolves no names, so a rule
 * without a team id fails on the column's NOT NULL, as a 500, changing nothing.
 */
function bulkRuleOf(store: ConcordStore, value: unknown, id: string): { team: SimTeam; level: AccessLevel } {
  const entry = obj(value);
  const level = str(entry?.['level']);
  if (level === null || !levels.includes(level)) throw validationError([{ id: `${id}.level`, message: 'must be READER, WRITER or OWNER' }]);
  const teamId = str(entry?.['teamId']);
  if (teamId === null) throw new SimError(500, 'ERROR: null value in column "team_id" of relation "project_team_access" violates not-null constraint');
  const team = store.teams.find((candidate) => candidate.id === teamId);
  if (team === undefined) throw new SimError(500, 'ERROR: insert or update on table "project_team_access" violates a foreign key constraint');
  return { team, level: level as AccessLevel };
}

/** Team access rules of a project. */
export function accessRoutes(router: Router, store: ConcordStore): void {
  router.on(ops.getProjectAccessLevel, (req) => ({ status: 200, body: accessJson(store, projectOf(store, req).project) }));

  router.on(ops.updateProjectAccessLevel, (req: SimRequest) => {
    const { project } = projectOf(store, req);
    const rule = ruleOf(store, jsonBodyOf(req), 'updateAccessLevel.arg2');
    assertCanWrite(store, req, `project ${project.name}`);
    project.access.set(rule.team.id, rule.level);
    return { status: 200, body: { ok: true, result: 'UPDATED' } };
  });

  // Concord's bulk update replaces the project's whole list of team rules, in one transaction.
  router.on(ops.updateProjectAccessLevelBulk, (req: SimRequest) => {
    const { project } = projectOf(store, req);
    const body = jsonBodyOf(req);
    if (!Array.isArray(body)) throw new SimError(400, 'List of teams is null.');
    assertCanWrite(store, req, `project ${project.name}`);
    const rules = body.map((entry, index) => bulkRuleOf(store, entry, `updateAccessLevel.arg2[${index}]`));
    project.access = new Map(rules.map((rule) => [rule.team.id, rule.level]));
    return { status: 200, body: { ok: true, result: 'UPDATED' } };
  });
}
