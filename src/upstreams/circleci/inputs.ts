import { badUserInput } from '../../errors/GatewayError.js';
import { settingNames } from './mappersProject.js';

/**
 * Checks of mutation inputs, made before any call to CircleCI, and their
 * translation into CircleCI's request bodies.
 */

type Maybe<T> = T | null | undefined;

/** Pipeline parameters as CircleCI takes them. */
export type WireParameters = Readonly<Record<string, string | number | boolean>>;

/** A timetable in CircleCI's kebab-case keys. */
export interface WireTimetableBody {
  readonly 'per-hour'?: number;
  readonly 'hours-of-day'?: readonly number[];
  readonly 'days-of-week'?: readonly string[];
  readonly 'days-of-month'?: readonly number[];
  readonly months?: readonly string[];
}

/** The body of `POST /project/{slug}/schedule` (all fields) and `PATCH /schedule/{id}` (any of them). */
export interface WireScheduleBody {
  readonly name?: string;
  readonly description?: string | null;
  readonly timetable?: WireTimetableBody;
  readonly 'attribution-actor'?: 'current' | 'system';
  readonly parameters?: WireParameters;
}

/** The body of `POST /workflow/{id}/rerun`. */
export interface WireRerunBody {
  readonly enable_ssh?: boolean;
  readonly from_failed?: boolean;
  readonly jobs?: readonly string[];
  readonly sparse_tree?: boolean;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A project slug: `gh/org/repo`, `bb/org/repo` (or the long forms) or `circleci/<org-id>/<project-id>`. */
export function checkProjectSlug(slug: string, field = 'projectSlug'): string {
  if (!/^(gh|github|bb|bitbucket|circleci)\/[^/\s]+\/[^/\s]+$/.test(slug)) {
    throw badUserInput(`${field} must look like gh/org/repo, bb/org/repo or circleci/<org-id>/<project-id>`, [{ field, message: 'not a project slug' }]);
  }
  return slug;
}

/** A CircleCI UUID. */
export function checkUuid(id: string, field: string): string {
  if (!uuidPattern.test(id)) throw badUserInput(`${field} must be a CircleCI id (a UUID)`, [{ field, message: 'not a UUID' }]);
  return id;
}

/** Pipeline parameters: a JSON object of strings, integers and booleans. */
export function checkParameters(value: unknown, field = 'parameters'): WireParameters | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badUserInput(`${field} must be an object`, [{ field, message: 'not an object' }]);
  for (const [key, item] of Object.entries(value)) {
    if (!(typeof item === 'string' || typeof item === 'boolean' || (typeof item === 'number' && Number.isInteger(item)))) {
      throw badUserInput(`${field}.${key} must be a string, an integer or a boolean`, [{ field: `${field}.${key}`, message: 'not a pipeline parameter value' }]);
    }
  }
  return value as WireParameters;
}

/** What a pipeline trigger takes. */
export interface TriggerPipelineInput {
  readonly projectSlug: string;
  readonly branch?: Maybe<string>;
  readonly tag?: Maybe<string>;
  readonly parameters?: Maybe<unknown>;
}

/** Checks a trigger input and makes its `POST /project/{slug}/pipeline` body. */
export function triggerBody(input: TriggerPipelineInput): { branch?: string; tag?: string; parameters?: WireParameters } {
  checkProjectSlug(input.projectSlug);
  if (input.branch != null && input.tag != null) throw badUserInput('Give a branch or a tag, not both', [{ field: 'tag', message: 'excludes branch' }]);
  if (input.branch === '' || input.tag === '') throw badUserInput('branch and tag must not be empty');
  const parameters = checkParameters(input.parameters);
  return {
    ...(input.branch != null ? { branch: input.branch } : {}),
    ...(input.tag != null ? { tag: input.tag } : {}),
    ...(parameters !== undefined ? { parameters } : {}),
  };
}

/** What continuing a setup pipeline takes. */
export interface ContinuePipelineInput {
  readonly continuationKey: string;
  readonly configuration: string;
  readonly parameters?: Maybe<unknown>;
}

/** Checks a continuation input and makes its `POST /pipeline/continue` body. */
export function continueBody(input: ContinuePipelineInput): { 'continuation-key': string; configuration: string; parameters?: WireParameters } {
  if (input.continuationKey.trim() === '') throw badUserInput('continuationKey must not be empty', [{ field: 'continuationKey', message: 'empty' }]);
  if (input.configuration.trim() === '') throw badUserInput('configuration must not be empty', [{ field: 'configuration', message: 'empty' }]);
  const parameters = checkParameters(input.parameters);
  return { 'continuation-key': input.continuationKey, configuration: input.configuration, ...(parameters !== undefined ? { parameters } : {}) };
}

/** What a workflow rerun takes. */
export interface RerunWorkflowInput {
  readonly fromFailed?: Maybe<boolean>;
  readonly jobIds?: Maybe<readonly string[]>;
  readonly sparseTree?: Maybe<boolean>;
  readonly enableSsh?: Maybe<boolean>;
}

/** Checks a rerun input and makes its `POST /workflow/{id}/rerun` body. */
export function rerunBody(input: RerunWorkflowInput): WireRerunBody {
  const jobs = input.jobIds ?? [];
  if (input.fromFailed === true && jobs.length > 0) throw badUserInput('Rerun from failed or rerun given jobs, not both', [{ field: 'jobIds', message: 'excludes fromFailed' }]);
  if (input.sparseTree === true && jobs.length === 0) throw badUserInput('sparseTree needs jobIds', [{ field: 'sparseTree', message: 'needs jobIds' }]);
  jobs.forEach((id, index) => checkUuid(id, `jobIds[${index}]`));
  return {
    ...(input.fromFailed != null ? { from_failed: input.fromFailed } : {}),
    ...(jobs.length > 0 ? { jobs } : {}),
    ...(input.sparseTree != null ? { sparse_tree: input.sparseTree } : {}),
    ...(input.enableSsh != null ? { enable_ssh: input.enableSsh } : {}),
  };
}

/** Project environment variable names as CircleCI accepts them. */
export function checkEnvVarName(name: string, field = 'name'): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || name.length > 256) {
    throw badUserInput('An environment variable name holds letters, digits and underscores and does not start with a digit', [{ field, message: 'invalid name' }]);
  }
  return name;
}

/** A schedule's timetable as the mutation takes it. */
export interface TimetableInput {
  readonly perHour?: Maybe<number>;
  readonly hoursOfDay?: Maybe<readonly number[]>;
  readonly daysOfWeek?: Maybe<readonly string[]>;
  readonly daysOfMonth?: Maybe<readonly number[]>;
  readonly months?: Maybe<readonly string[]>;
}

function checkRange(values: readonly number[], field: string, min: number, max: number): void {
  const bad = values.find((value) => !Number.isInteger(value) || value < min || value > max);
  if (bad !== undefined) throw badUserInput(`${field} must hold values from ${min} to ${max}, got ${bad}`, [{ field, message: `out of range ${min}..${max}` }]);
  if (new Set(values).size !== values.length) throw badUserInput(`${field} must not repeat a value`, [{ field, message: 'repeated value' }]);
}

/** A timetable, whole (`partial` false: for a new schedule) or in part (for an update). */
export function timetableBody(input: TimetableInput, partial: boolean): WireTimetableBody {
  const field = (name: string): string => `timetable.${name}`;
  if (input.perHour != null && (input.perHour < 1 || input.perHour > 60)) {
    throw badUserInput(`timetable.perHour must be from 1 to 60, got ${input.perHour}`, [{ field: field('perHour'), message: 'out of range 1..60' }]);
  }
  if (!partial && input.perHour == null) throw badUserInput('timetable.perHour is required', [{ field: field('perHour'), message: 'required' }]);
  if (input.hoursOfDay != null) {
    if (input.hoursOfDay.length === 0) throw badUserInput('timetable.hoursOfDay must not be empty', [{ field: field('hoursOfDay'), message: 'empty' }]);
    checkRange(input.hoursOfDay, field('hoursOfDay'), 0, 23);
  } else if (!partial) {
    throw badUserInput('timetable.hoursOfDay is required', [{ field: field('hoursOfDay'), message: 'required' }]);
  }
  const week = input.daysOfWeek != null && input.daysOfWeek.length > 0;
  const month = input.daysOfMonth != null && input.daysOfMonth.length > 0;
  if (week && month) throw badUserInput('Give days of the week or days of the month, not both', [{ field: field('daysOfMonth'), message: 'excludes daysOfWeek' }]);
  if (!partial && !week && !month) throw badUserInput('Give days of the week or days of the month', [{ field: field('daysOfWeek'), message: 'required' }]);
  if (input.daysOfMonth != null) checkRange(input.daysOfMonth, field('daysOfMonth'), 1, 31);
  if (input.daysOfWeek?.includes('UNKNOWN') === true || input.months?.includes('UNKNOWN') === true) {
    throw badUserInput('UNKNOWN is not a day or a month to schedule on');
  }
  return {
    ...(input.perHour != null ? { 'per-hour': input.perHour } : {}),
    ...(input.hoursOfDay != null ? { 'hours-of-day': input.hoursOfDay } : {}),
    ...(week ? { 'days-of-week': input.daysOfWeek ?? [] } : {}),
    ...(month ? { 'days-of-month': input.daysOfMonth ?? [] } : {}),
    ...(input.months != null && input.months.length > 0 ? { months: input.months } : {}),
  };
}

/** A schedule as the create and update mutations take it. */
export interface ScheduleInput {
  readonly name?: Maybe<string>;
  readonly description?: Maybe<string>;
  readonly timetable?: Maybe<TimetableInput>;
  readonly attributionActor?: Maybe<'CURRENT' | 'SYSTEM'>;
  readonly parameters?: Maybe<unknown>;
}

/** The body of a new schedule (`partial` false) or of an update. */
export function scheduleBody(input: ScheduleInput, partial: boolean): WireScheduleBody {
  if (input.name != null && input.name.trim() === '') throw badUserInput('name must not be empty', [{ field: 'name', message: 'empty' }]);
  if (!partial && input.name == null) throw badUserInput('name is required', [{ field: 'name', message: 'required' }]);
  if (!partial && input.timetable == null) throw badUserInput('timetable is required', [{ field: 'timetable', message: 'required' }]);
  const parameters = checkParameters(input.parameters);
  if (parameters !== undefined && parameters['branch'] === undefined && parameters['tag'] === undefined) {
    throw badUserInput('A schedule\'s parameters must hold "branch" or "tag"', [{ field: 'parameters', message: 'needs branch or tag' }]);
  }
  if (!partial && parameters === undefined) throw badUserInput('A schedule\'s parameters must hold "branch" or "tag"', [{ field: 'parameters', message: 'required' }]);
  const body: WireScheduleBody = {
    ...(input.name != null ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.timetable != null ? { timetable: timetableBody(input.timetable, partial) } : {}),
    ...(input.attributionActor != null || !partial ? { 'attribution-actor': input.attributionActor === 'SYSTEM' ? 'system' : 'current' } : {}),
    ...(parameters !== undefined ? { parameters } : {}),
  };
  if (partial && Object.keys(body).length === 0) throw badUserInput('Give at least one field to change');
  return body;
}

/** The project settings a settings mutation changes. */
export type ProjectSettingsInput = { readonly [K in keyof typeof settingNames]?: Maybe<boolean> } & {
  readonly prOnlyBranchOverrides?: Maybe<readonly string[]>;
};

/** The PATCH body of project settings: only the fields given. */
export function settingsBody(input: ProjectSettingsInput): { advanced: Record<string, boolean | readonly string[]> } {
  const advanced: Record<string, boolean | readonly string[]> = {};
  for (const [field, wireName] of Object.entries(settingNames) as [keyof typeof settingNames, string][]) {
    const value = input[field];
    if (value != null) advanced[wireName] = value;
  }
  if (input.prOnlyBranchOverrides != null) {
    if (input.prOnlyBranchOverrides.some((branch) => branch.trim() === '')) {
      throw badUserInput('prOnlyBranchOverrides must not hold empty branch names', [{ field: 'prOnlyBranchOverrides', message: 'empty branch' }]);
    }
    advanced['pr_only_branch_overrides'] = input.prOnlyBranchOverrides;
  }
  if (Object.keys(advanced).length === 0) throw badUserInput('Give at least one setting to change');
  return { advanced };
}
