import { badUserInput } from '../../errors/GatewayError.js';
import type {
  ContinuePipelineInput,
  ProjectSettingsInput,
  RerunWorkflowInput,
  ScheduleInput,
  TimetableInput,
  TriggerPipelineInput,
  WireParameters,
} from '../../upstreams/circleci/bodies.js';
import { settingNames } from '../../upstreams/circleci/mappersProject.js';

/**
 * Checks of the CircleCI pipeline, workflow, schedule and project writes,
 * made before any call to CircleCI; each returns what it checked.
 */

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A project slug: `gh/org/repo`, `bb/org/repo` (or the long forms) or `circleci/<org-id>/<project-id>`. */
export function assertCircleCiProjectSlug(slug: string, field = 'projectSlug'): string {
  if (!/^(gh|github|bb|bitbucket|circleci)\/[^/\s]+\/[^/\s]+$/.test(slug)) {
    throw badUserInput(`${field} must look like gh/org/repo, bb/org/repo or circleci/<org-id>/<project-id>`, [{ field, message: 'not a project slug' }]);
  }
  return slug;
}

/** A CircleCI UUID. */
function assertCircleCiUuid(id: string, field: string): string {
  if (!uuidPattern.test(id)) throw badUserInput(`${field} must be a CircleCI id (a UUID)`, [{ field, message: 'not a UUID' }]);
  return id;
}

/** Pipeline parameters: a JSON object of strings, integers and booleans. */
export function assertParameters(value: unknown, field = 'parameters'): WireParameters | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badUserInput(`${field} must be an object`, [{ field, message: 'not an object' }]);
  for (const [key, item] of Object.entries(value)) {
    if (!(typeof item === 'string' || typeof item === 'boolean' || (typeof item === 'number' && Number.isInteger(item)))) {
      throw badUserInput(`${field}.${key} must be a string, an integer or a boolean`, [{ field: `${field}.${key}`, message: 'not a pipeline parameter value' }]);
    }
  }
  return value as WireParameters;
}

/** A trigger: its project, a branch or a tag (not both, neither empty), its parameters. */
export function assertTriggerInput<T extends TriggerPipelineInput>(input: T): T {
  assertCircleCiProjectSlug(input.projectSlug);
  if (input.branch != null && input.tag != null) throw badUserInput('Give a branch or a tag, not both', [{ field: 'tag', message: 'excludes branch' }]);
  if (input.branch === '' || input.tag === '') throw badUserInput('branch and tag must not be empty');
  assertParameters(input.parameters);
  return input;
}

/** A continuation: its key, its configuration, its parameters. */
export function assertContinueInput<T extends ContinuePipelineInput>(input: T): T {
  if (input.continuationKey.trim() === '') throw badUserInput('continuationKey must not be empty', [{ field: 'continuationKey', message: 'empty' }]);
  if (input.configuration.trim() === '') throw badUserInput('configuration must not be empty', [{ field: 'configuration', message: 'empty' }]);
  assertParameters(input.parameters);
  return input;
}

/** A rerun: from failed or of given jobs (each a UUID), a sparse tree only of given jobs. */
export function assertRerunInput<T extends RerunWorkflowInput>(input: T): T {
  const jobs = input.jobIds ?? [];
  if (input.fromFailed === true && jobs.length > 0) throw badUserInput('Rerun from failed or rerun given jobs, not both', [{ field: 'jobIds', message: 'excludes fromFailed' }]);
  if (input.sparseTree === true && jobs.length === 0) throw badUserInput('sparseTree needs jobIds', [{ field: 'sparseTree', message: 'needs jobIds' }]);
  jobs.forEach((id, index) => assertCircleCiUuid(id, `jobIds[${index}]`));
  return input;
}

/** Project environment variable names as CircleCI accepts them. */
export function assertProjectEnvVarName(name: string, field = 'name'): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || name.length > 256) {
    throw badUserInput('An environment variable name holds letters, digits and underscores and does not start with a digit', [{ field, message: 'invalid name' }]);
  }
  return name;
}

function assertRange(values: readonly number[], field: string, min: number, max: number): void {
  const bad = values.find((value) => !Number.isInteger(value) || value < min || value > max);
  if (bad !== undefined) throw badUserInput(`${field} must hold values from ${min} to ${max}, got ${bad}`, [{ field, message: `out of range ${min}..${max}` }]);
  if (new Set(values).size !== values.length) throw badUserInput(`${field} must not repeat a value`, [{ field, message: 'repeated value' }]);
}

/** A timetable, whole (`partial` false: for a new schedule) or in part (for an update). */
export function assertTimetable<T extends TimetableInput>(input: T, partial: boolean): T {
  const field = (name: string): string => `timetable.${name}`;
  if (input.perHour != null && (input.perHour < 1 || input.perHour > 60)) {
    throw badUserInput(`timetable.perHour must be from 1 to 60, got ${input.perHour}`, [{ field: field('perHour'), message: 'out of range 1..60' }]);
  }
  if (!partial && input.perHour == null) throw badUserInput('timetable.perHour is required', [{ field: field('perHour'), message: 'required' }]);
  if (input.hoursOfDay != null) {
    if (input.hoursOfDay.length === 0) throw badUserInput('timetable.hoursOfDay must not be empty', [{ field: field('hoursOfDay'), message: 'empty' }]);
    assertRange(input.hoursOfDay, field('hoursOfDay'), 0, 23);
  } else if (!partial) {
    throw badUserInput('timetable.hoursOfDay is required', [{ field: field('hoursOfDay'), message: 'required' }]);
  }
  const week = input.daysOfWeek != null && input.daysOfWeek.length > 0;
  const month = input.daysOfMonth != null && input.daysOfMonth.length > 0;
  if (week && month) throw badUserInput('Give days of the week or days of the month, not both', [{ field: field('daysOfMonth'), message: 'excludes daysOfWeek' }]);
  if (!partial && !week && !month) throw badUserInput('Give days of the week or days of the month', [{ field: field('daysOfWeek'), message: 'required' }]);
  if (input.daysOfMonth != null) assertRange(input.daysOfMonth, field('daysOfMonth'), 1, 31);
  if (input.daysOfWeek?.includes('UNKNOWN') === true || input.months?.includes('UNKNOWN') === true) {
    throw badUserInput('UNKNOWN is not a day or a month to schedule on');
  }
  return input;
}

/** A new schedule (`partial` false: name, timetable and parameters required) or an update (something to change). */
export function assertScheduleInput<T extends ScheduleInput>(input: T, partial: boolean): T {
  if (input.name != null && input.name.trim() === '') throw badUserInput('name must not be empty', [{ field: 'name', message: 'empty' }]);
  if (!partial && input.name == null) throw badUserInput('name is required', [{ field: 'name', message: 'required' }]);
  if (!partial && input.timetable == null) throw badUserInput('timetable is required', [{ field: 'timetable', message: 'required' }]);
  const parameters = assertParameters(input.parameters);
  if (parameters !== undefined && parameters['branch'] === undefined && parameters['tag'] === undefined) {
    throw badUserInput('A schedule\'s parameters must hold "branch" or "tag"', [{ field: 'parameters', message: 'needs branch or tag' }]);
  }
  if (!partial && parameters === undefined) throw badUserInput('A schedule\'s parameters must hold "branch" or "tag"', [{ field: 'parameters', message: 'required' }]);
  if (input.timetable != null) assertTimetable(input.timetable, partial);
  const changes = input.name != null || input.description !== undefined || input.timetable != null || input.attributionActor != null || parameters !== undefined;
  if (partial && !changes) throw badUserInput('Give at least one field to change');
  return input;
}

/** Project settings: at least one to change, no empty branch name. */
export function assertSettingsInput<T extends ProjectSettingsInput>(input: T): T {
  const given = (Object.keys(settingNames) as (keyof typeof settingNames)[]).some((field) => input[field] != null);
  if (input.prOnlyBranchOverrides?.some((branch) => branch.trim() === '') === true) {
    throw badUserInput('prOnlyBranchOverrides must not hold empty branch names', [{ field: 'prOnlyBranchOverrides', message: 'empty branch' }]);
  }
  if (!given && input.prOnlyBranchOverrides == null) throw badUserInput('Give at least one setting to change');
  return input;
}

/** A project CircleCI can follow over its API: a GitHub OAuth or Bitbucket one. */
export function assertFollowableProjectSlug(slug: string): string {
  if (slug.startsWith('circleci/')) {
    throw badUserInput('CircleCI creates projects over its API only for GitHub OAuth and Bitbucket organizations (gh/… or bb/…)', [
      { field: 'projectSlug', message: 'not a gh/ or bb/ slug' },
    ]);
  }
  return slug;
}
