import { settingNames } from './mappersProject.js';

/**
 * What the CircleCI writes take, and their request bodies in CircleCI's
 * names. Inputs reach here checked (see resolvers/circleci/validation.ts):
 * building a body refuses nothing.
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

/** What a pipeline trigger takes. */
export interface TriggerPipelineInput {
  readonly projectSlug: string;
  readonly branch?: Maybe<string>;
  readonly tag?: Maybe<string>;
  readonly parameters?: Maybe<unknown>;
}

/** Pipeline parameters, checked to be an object of strings, integers and booleans, as CircleCI takes them. */
function parametersOf(value: unknown): WireParameters | undefined {
  return value === null || value === undefined ? undefined : (value as WireParameters);
}

/** The `POST /project/{slug}/pipeline` body of a trigger. */
export function triggerBody(input: TriggerPipelineInput): { branch?: string; tag?: string; parameters?: WireParameters } {
  const parameters = parametersOf(input.parameters);
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

/** The `POST /pipeline/continue` body of a continuation. */
export function continueBody(input: ContinuePipelineInput): { 'continuation-key': string; configuration: string; parameters?: WireParameters } {
  const parameters = parametersOf(input.parameters);
  return { 'continuation-key': input.continuationKey, configuration: input.configuration, ...(parameters !== undefined ? { parameters } : {}) };
}

/** What a workflow rerun takes. */
export interface RerunWorkflowInput {
  readonly fromFailed?: Maybe<boolean>;
  readonly jobIds?: Maybe<readonly string[]>;
  readonly sparseTree?: Maybe<boolean>;
  readonly enableSsh?: Maybe<boolean>;
}

/** The `POST /workflow/{id}/rerun` body of a rerun. */
export function rerunBody(input: RerunWorkflowInput): WireRerunBody {
  const jobs = input.jobIds ?? [];
  return {
    ...(input.fromFailed != null ? { from_failed: input.fromFailed } : {}),
    ...(jobs.length > 0 ? { jobs } : {}),
    ...(input.sparseTree != null ? { sparse_tree: input.sparseTree } : {}),
    ...(input.enableSsh != null ? { enable_ssh: input.enableSsh } : {}),
  };
}

/** A schedule's timetable as the mutation takes it. */
export interface TimetableInput {
  readonly perHour?: Maybe<number>;
  readonly hoursOfDay?: Maybe<readonly number[]>;
  readonly daysOfWeek?: Maybe<readonly string[]>;
  readonly daysOfMonth?: Maybe<readonly number[]>;
  readonly months?: Maybe<readonly string[]>;
}

/** A timetable in CircleCI's keys: the parts given (days of the week or of the month, not both). */
export function timetableBody(input: TimetableInput): WireTimetableBody {
  const week = input.daysOfWeek != null && input.daysOfWeek.length > 0;
  const month = input.daysOfMonth != null && input.daysOfMonth.length > 0;
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

/** The body of a new schedule (`partial` false: the attribution defaults to the current user) or of an update. */
export function scheduleBody(input: ScheduleInput, partial: boolean): WireScheduleBody {
  const parameters = parametersOf(input.parameters);
  return {
    ...(input.name != null ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.timetable != null ? { timetable: timetableBody(input.timetable) } : {}),
    ...(input.attributionActor != null || !partial ? { 'attribution-actor': input.attributionActor === 'SYSTEM' ? 'system' : 'current' } : {}),
    ...(parameters !== undefined ? { parameters } : {}),
  };
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
  if (input.prOnlyBranchOverrides != null) advanced['pr_only_branch_overrides'] = input.prOnlyBranchOverrides;
  return { advanced };
}
