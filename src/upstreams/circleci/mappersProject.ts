import { bool, enumName, int, list, obj, str, strList } from '../decode.js';
import {
  checkoutKeyTypes,
  months,
  weekdays,
  type CircleCiCheckoutKeyModel,
  type CircleCiCollaborationModel,
  type CircleCiEnvVarModel,
  type CircleCiPipelineConfigModel,
  type CircleCiProjectSettingsModel,
  type CircleCiScheduleModel,
  type CircleCiUserModel,
} from './modelsProject.js';
import type {
  WireCheckoutKey,
  WireCollaboration,
  WireEnvVar,
  WirePipelineConfig,
  WireProjectSettings,
  WireSchedule,
  WireUser,
} from './wire.js';

const ints = (value: unknown): number[] => list(value).map(int).filter((n): n is number => n !== null);

/** Maps `GET /me`, `GET /user/{id}` and a schedule's actor. */
export function toUser(wire: WireUser): CircleCiUserModel {
  return { __typename: 'CircleCIUser', id: str(wire.id) ?? '', login: str(wire.login) ?? '', name: str(wire.name) ?? '' };
}

/** Maps one organization of `GET /me/collaborations`. */
export function toCollaboration(wire: WireCollaboration): CircleCiCollaborationModel {
  return {
    __typename: 'CircleCICollaboration',
    id: str(wire.id),
    vcsType: str(wire['vcs-type']) ?? '',
    name: str(wire.name) ?? '',
    avatarUrl: str(wire.avatar_url),
    slug: str(wire.slug) ?? '',
  };
}

/** Maps `GET /pipeline/{id}/config`. */
export function toPipelineConfig(wire: WirePipelineConfig): CircleCiPipelineConfigModel {
  return {
    __typename: 'CircleCIPipelineConfig',
    source: str(wire.source) ?? '',
    compiled: str(wire.compiled) ?? '',
    setupConfig: str(wire['setup-config']),
    compiledSetupConfig: str(wire['compiled-setup-config']),
  };
}

/** Maps a schedule from any of the schedule endpoints. */
export function toSchedule(wire: WireSchedule): CircleCiScheduleModel {
  const timetable = obj(wire.timetable);
  const actor = obj(wire.actor);
  return {
    __typename: 'CircleCISchedule',
    id: str(wire.id) ?? '',
    name: str(wire.name) ?? '',
    description: str(wire.description),
    projectSlug: str(wire['project-slug']) ?? '',
    timetable: {
      perHour: int(timetable?.['per-hour']),
      hoursOfDay: ints(timetable?.['hours-of-day']),
      daysOfWeek: list(timetable?.['days-of-week']).map((day) => enumName(day, weekdays)),
      daysOfMonth: ints(timetable?.['days-of-month']),
      months: list(timetable?.['months']).map((month) => enumName(month, months)),
    },
    parameters: obj(wire.parameters) ?? {},
    actor: actor === null ? null : toUser(actor),
    createdAt: str(wire['created-at']),
    updatedAt: str(wire['updated-at']),
  };
}

/** Maps an environment variable; the list and the single read do not repeat the project, so it is passed in. */
export function toEnvVar(wire: WireEnvVar, projectSlug: string): CircleCiEnvVarModel {
  return { __typename: 'CircleCIProjectEnvVar', projectSlug, name: str(wire.name) ?? '', maskedValue: str(wire.value) ?? '', createdAt: str(wire['created-at']) };
}

/** Maps a checkout key; the project is passed in, as the body does not name it. */
export function toCheckoutKey(wire: WireCheckoutKey, projectSlug: string): CircleCiCheckoutKeyModel {
  return {
    __typename: 'CircleCICheckoutKey',
    projectSlug,
    publicKey: str(wire['public-key']) ?? '',
    type: enumName(wire.type, checkoutKeyTypes),
    rawType: str(wire.type) ?? 'unknown',
    fingerprint: str(wire.fingerprint) ?? '',
    preferred: bool(wire.preferred) ?? false,
    createdAt: str(wire['created-at']),
  };
}

/** The `advanced` settings' wire names, by model field. */
export const settingNames = {
  autocancelBuilds: 'autocancel_builds',
  buildForkPrs: 'build_fork_prs',
  buildPrsOnly: 'build_prs_only',
  disableSsh: 'disable_ssh',
  forksReceiveSecretEnvVars: 'forks_receive_secret_env_vars',
  oss: 'oss',
  setGithubStatus: 'set_github_status',
  setupWorkflows: 'setup_workflows',
  writeSettingsRequiresAdmin: 'write_settings_requires_admin',
} as const;

/** Maps `{ advanced }` project settings; the project is passed in, as the body does not name it. */
export function toProjectSettings(wire: WireProjectSettings, projectSlug: string): CircleCiProjectSettingsModel {
  const advanced = obj(wire.advanced);
  const flag = (name: string): boolean | null => bool(advanced?.[name]);
  const overrides = advanced?.['pr_only_branch_overrides'];
  return {
    __typename: 'CircleCIProjectSettings',
    projectSlug,
    autocancelBuilds: flag(settingNames.autocancelBuilds),
    buildForkPrs: flag(settingNames.buildForkPrs),
    buildPrsOnly: flag(settingNames.buildPrsOnly),
    disableSsh: flag(settingNames.disableSsh),
    forksReceiveSecretEnvVars: flag(settingNames.forksReceiveSecretEnvVars),
    oss: flag(settingNames.oss),
    setGithubStatus: flag(settingNames.setGithubStatus),
    setupWorkflows: flag(settingNames.setupWorkflows),
    writeSettingsRequiresAdmin: flag(settingNames.writeSettingsRequiresAdmin),
    prOnlyBranchOverrides: Array.isArray(overrides) ? strList(overrides) : null,
  };
}
