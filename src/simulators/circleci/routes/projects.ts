import { SimError, type SimRequest } from '../../core/Simulator.js';
import { stableUuid } from '../../core/ids.js';
import type { Router } from '../../core/Router.js';
import { defaultSettings } from '../seedProjectExtras.js';
import { projectJson } from '../serialize.js';
import type { CircleCiStore, SimAdvancedSettings } from '../store.js';
import { userOf, visibleProject } from './context.js';
import { isJsonObject } from '../../core/isJsonObject.js';
import { circleCiOperations as ops } from '../../../upstreams/circleci/operations.js';

const providers: Readonly<Record<string, string>> = { gh: 'gh', github: 'gh', bb: 'bb', bitbucket: 'bb' };

const booleanSettings = [
  'autocancel_builds',
  'build_fork_prs',
  'build_prs_only',
  'disable_ssh',
  'forks_receive_secret_env_vars',
  'oss',
  'set_github_status',
  'setup_workflows',
  'write_settings_requires_admin',
];

/** Checks a settings patch against the settings schema (which allows no other keys). */
function advancedPatch(body: unknown): SimAdvancedSettings {
  const invalid = new SimError(400, 'Unexpected request body provided.');
  if (!isJsonObject(body)) throw invalid;
  const entries = Object.entries(body as Record<string, unknown>);
  if (entries.some(([key]) => key !== 'advanced')) throw invalid;
  const advanced = (body as Record<string, unknown>)['advanced'];
  if (!isJsonObject(advanced)) throw invalid;
  for (const [key, value] of Object.entries(advanced)) {
    if (booleanSettings.includes(key) ? typeof value !== 'boolean' : key !== 'pr_only_branch_overrides' || !Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw invalid;
  }
  return advanced as SimAdvancedSettings;
}

/** The project slug of the paths that take it as three parameters. */
function slugOf(req: SimRequest): string {
  return `${req.params['provider'] ?? ''}/${req.params['organization'] ?? ''}/${req.params['project'] ?? ''}`;
}

/** Projects: read, follow (create) and settings. */
export function projectRoutes(router: Router, store: CircleCiStore): void {
  router.on(ops.getProjectBySlug, (req) => ({ status: 200, body: projectJson(store, visibleProject(store, req, req.params['project-slug'] ?? '')) }));

  router.on(ops.createProject, (req) => {
    const user = userOf(store, req);
    const { provider = '', organization = '', project: name = '' } = req.params;
    if (provider === 'circleci') {
      throw new SimError(405, 'Create projects using the API is currently supported for classic Github OAuth and Bitbucket projects only.');
    }
    const vcs = providers[provider];
    if (vcs === undefined) throw new SimError(400, 'Unexpected request body provided.');
    const orgSlug = `${vcs}/${organization}`;
    if (!store.orgs.some((org) => org.slug === orgSlug)) throw new SimError(404, 'Organization not found.');
    if (!user.orgs.includes(orgSlug)) throw new SimError(403, 'Permission denied.');
    const slug = `${orgSlug}/${name}`;
    // [guess] Following a project twice: CircleCI's answer is undocumented; a 400 keeps the first settings.
    if (store.projects.some((project) => project.slug === slug)) throw new SimError(400, 'Project already exists.');
    store.projects.push({ id: stableUuid(`project:${slug}`), slug, name, orgSlug });
    const settings = defaultSettings();
    store.settings.set(slug, settings);
    return { status: 201, body: { advanced: settings } };
  });

  router.on(ops.getProjectSettings, (req) => {
    const project = visibleProject(store, req, slugOf(req));
    return { status: 200, body: { advanced: store.settings.get(project.slug) ?? defaultSettings() } };
  });

  router.on(ops.patchProjectSettings, (req) => {
    const project = visibleProject(store, req, slugOf(req));
    const patch = advancedPatch(req.body);
    const settings = { ...(store.settings.get(project.slug) ?? defaultSettings()), ...patch };
    store.settings.set(project.slug, settings);
    return { status: 200, body: { advanced: settings } };
  });
}
