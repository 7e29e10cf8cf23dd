import { SimError } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { stableUuid } from '../../core/ids.js';
import type { CircleCiStore } from '../store.js';
import { itemsPage, userOf } from '../routes/context.js';
import { areaState, bodyOf, isoAt, orgOfUser, seedEpoch, uuidPattern } from './shared.js';
import { circleCiOperations as ops } from '../../../upstreams/circleci/operations.js';

/** A context and the organization that owns it. */
export interface SimContext {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly ownerId: string;
}

/** A variable of a context, with its value (never sent back). */
export interface SimContextEnvVar {
  readonly contextId: string;
  readonly variable: string;
  value: string;
  readonly createdAt: string;
  updatedAt: string;
}

/** A project or expression restriction of a context. */
export interface SimContextRestriction {
  readonly id: string;
  readonly contextId: string;
  readonly projectId: string | null;
  readonly name: string;
  readonly type: 'project' | 'expression';
  readonly value: string;
}

/** Contexts, their variables and restrictions, seeded per organization. */
export const contextState = areaState((store) => {
  const contexts: SimContext[] = [];
  const envVars: SimContextEnvVar[] = [];
  const restrictions: SimContextRestriction[] = [];
  store.orgs.forEach((org, orgIndex) => {
    const names = ['deploy-secrets', 'aws-prod', 'slack'];
    // One organization has more contexts than a page holds.
    if (org.slug === 'gh/acme') for (let n = 1; n <= 22; n++) names.push(`team-${String(n).padStart(2, '0')}`);
    names.forEach((name, index) => {
      contexts.push({ id: stableUuid(`context:${org.slug}:${name}`), name, createdAt: isoAt(seedEpoch - (orgIndex * 100 + index) * 86_400_000), ownerId: org.id });
    });
  });
  const deploy = contexts.find((context) => context.name === 'deploy-secrets' && context.ownerId === store.orgs[0]?.id);
  if (deploy !== undefined) {
    for (let n = 1; n <= 25; n++) {
      const at = isoAt(seedEpoch - n * 3_600_000);
      envVars.push({ contextId: deploy.id, variable: `SECRET_${String(n).padStart(2, '0')}`, value: `value-${n}`, createdAt: at, updatedAt: at });
    }
    const api = store.projects.find((project) => project.slug === 'gh/acme/api');
    if (api !== undefined) {
      restrictions.push({ id: stableUuid(`restriction:${deploy.id}:project`), contextId: deploy.id, projectId: api.id, name: api.name, type: 'project', value: api.id });
    }
    restrictions.push({
      id: stableUuid(`restriction:${deploy.id}:expression`),
      contextId: deploy.id,
      projectId: null,
      name: 'pipeline.git.branch == "main"',
      type: 'expression',
      value: 'pipeline.git.branch == "main"',
    });
  }
  return { contexts, envVars, restrictions };
});

/** A context as CircleCI sends it. */
export const contextJson = (context: SimContext) => ({ id: context.id, name: context.name, created_at: context.createdAt });
const envVarJson = (envVar: SimContextEnvVar) => ({ variable: envVar.variable, created_at: envVar.createdAt, updated_at: envVar.updatedAt, context_id: envVar.contextId });
const restrictionJson = (restriction: SimContextRestriction) => ({
  id: restriction.id,
  context_id: restriction.contextId,
  ...(restriction.projectId !== null ? { project_id: restriction.projectId } : {}),
  name: restriction.name,
  restriction_type: restriction.type,
  restriction_value: restriction.value,
});

/** CircleCI's environment variable names: a letter or underscore, then letters, digits, underscores. */
export const envVarNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Contexts: `/context`, its environment variables and restrictions. */
export function contextRoutes(router: Router, store: CircleCiStore): void {
  const state = (): ReturnType<typeof contextState> => contextState(store);
  const visibleContext = (req: Parameters<Parameters<Router['get']>[1]>[0], id: string): SimContext => {
    const user = userOf(store, req);
    const context = state().contexts.find((candidate) => candidate.id === id);
    if (context === undefined || orgOfUser(store, user, context.ownerId) === undefined) throw new SimError(404, 'Context not found');
    return context;
  };
  const ownerOf = (req: Parameters<Parameters<Router['get']>[1]>[0], ref: { id?: unknown; slug?: unknown }): string => {
    const user = userOf(store, req);
    const slug = typeof ref.slug === 'string' ? ref.slug.replace(/^github\//, 'gh/').replace(/^bitbucket\//, 'bb/') : undefined;
    const org = store.orgs.find((candidate) => candidate.id === ref.id || (slug !== undefined && candidate.slug === slug));
    if (org === undefined || !user.orgs.includes(org.slug)) throw new SimError(404, 'Organization not found');
    return org.id;
  };

  router.on(ops.listContexts, (req) => {
    const id = req.query.get('owner-id');
    const slug = req.query.get('owner-slug');
    if (id === null && slug === null) throw new SimError(400, 'Must provide either owner-id or owner-slug');
    const ownerId = ownerOf(req, { id, slug });
    const contexts = state().contexts.filter((context) => context.ownerId === ownerId);
    return itemsPage(req, contexts, contextJson);
  });

  router.on(ops.createContext, (req) => {
    const body = bodyOf(req);
    const name = body['name'];
    const owner = body['owner'];
    if (typeof name !== 'string' || name.trim() === '' || owner === null || typeof owner !== 'object') throw new SimError(400, 'name and owner are required');
    const ownerId = ownerOf(req, owner as { id?: unknown; slug?: unknown });
    if (state().contexts.some((context) => context.ownerId === ownerId && context.name === name)) throw new SimError(409, 'A context with this name already exists');
    const context: SimContext = { id: stableUuid(`context:${ownerId}:${name}:${Date.now()}`), name, createdAt: new Date().toISOString(), ownerId };
    state().contexts.push(context);
    return { status: 200, body: contextJson(context) };
  });

  router.on(ops.getContext, (req) => ({ status: 200, body: contextJson(visibleContext(req, req.params['context-id'] ?? '')) }));

  router.on(ops.deleteContext, (req) => {
    const context = visibleContext(req, req.params['context-id'] ?? '');
    const all = state();
    all.contexts.splice(all.contexts.indexOf(context), 1);
    return { status: 200, body: { message: 'Context deleted.' } };
  });

  router.on(ops.listEnvironmentVariablesFromContext, (req) => {
    const context = visibleContext(req, req.params['context-id'] ?? '');
    return itemsPage(req, state().envVars.filter((envVar) => envVar.contextId === context.id), envVarJson);
  });

  router.on(ops.addEnvironmentVariableToContext, (req) => {
    const context = visibleContext(req, req.params['context-id'] ?? '');
    const name = req.params['env-var-name'] ?? '';
    const value = bodyOf(req)['value'];
    if (!envVarNamePattern.test(name)) throw new SimError(400, 'Invalid environment variable name');
    if (typeof value !== 'string') throw new SimError(400, 'value is required');
    const now = new Date().toISOString();
    let envVar = state().envVars.find((candidate) => candidate.contextId === context.id && candidate.variable === name);
    if (envVar === undefined) {
      envVar = { contextId: context.id, variable: name, value, createdAt: now, updatedAt: now };
      state().envVars.push(envVar);
    } else {
      envVar.value = value;
      envVar.updatedAt = now;
    }
    return { status: 200, body: envVarJson(envVar) };
  });

  router.on(ops.deleteEnvironmentVariableFromContext, (req) => {
    const context = visibleContext(req, req.params['context-id'] ?? '');
    const envVars = state().envVars;
    const index = envVars.findIndex((candidate) => candidate.contextId === context.id && candidate.variable === req.params['env-var-name']);
    if (index < 0) throw new SimError(404, 'Environment variable not found');
    envVars.splice(index, 1);
    return { status: 200, body: { message: 'Environment variable deleted.' } };
  });

  router.on(ops.getContextRestrictions, (req) => {
    if (!uuidPattern.test(req.params['context_id'] ?? '')) throw new SimError(400, 'context_id is invalid.');
    const context = visibleContext(req, req.params['context_id'] ?? '');
    return { status: 200, body: { items: state().restrictions.filter((r) => r.contextId === context.id).map(restrictionJson), next_page_token: null } };
  });

  router.on(ops.createContextRestriction, (req) => {
    if (!uuidPattern.test(req.params['context_id'] ?? '')) throw new SimError(400, 'context_id is invalid.');
    const context = visibleContext(req, req.params['context_id'] ?? '');
    const body = bodyOf(req);
    const type = body['restriction_type'] ?? (body['project_id'] !== undefined ? 'project' : undefined);
    const value = body['restriction_value'] ?? body['project_id'];
    if ((type !== 'project' && type !== 'expression') || typeof value !== 'string' || value.trim() === '') {
      throw new SimError(400, 'restriction_type must be project or expression, with a restriction_value');
    }
    let name = value;
    if (type === 'project') {
      const project = store.projects.find((candidate) => candidate.id === value);
      if (project === undefined || !store.canSee(userOf(store, req), project.slug)) throw new SimError(404, 'Project not found');
      name = project.name;
    }
    if (state().restrictions.some((r) => r.contextId === context.id && r.type === type && r.value === value)) throw new SimError(409, 'Restriction already exists');
    const restriction: SimContextRestriction = {
      id: stableUuid(`restriction:${context.id}:${type}:${value}`),
      contextId: context.id,
      projectId: type === 'project' ? value : null,
      name,
      type,
      value,
    };
    state().restrictions.push(restriction);
    const { context_id: _omitted, ...created } = restrictionJson(restriction);
    return { status: 201, body: created };
  });

  router.on(ops.deleteContextRestriction, (req) => {
    if (!uuidPattern.test(req.params['restriction_id'] ?? '')) throw new SimError(400, 'restriction_id is invalid.');
    const context = visibleContext(req, req.params['context_id'] ?? '');
    const restrictions = state().restrictions;
    const index = restrictions.findIndex((r) => r.contextId === context.id && r.id === req.params['restriction_id']);
    if (index < 0) throw new SimError(404, 'Restriction not found');
    restrictions.splice(index, 1);
    return { status: 200, body: { message: 'Context restriction deleted.' } };
  });
}
