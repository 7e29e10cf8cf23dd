import { SimError, type SimRequest } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import { stableUuid } from '../../core/ids.js';
import type { CircleCiStore, SimProject } from '../store.js';
import { userOf } from '../routes/context.js';
import { areaState, bodyOf, isoAt, seedEpoch } from './shared.js';
import { circleCiOperations as ops } from '../../../upstreams/circleci/operations.js';

/** A webhook as the simulator keeps it (with its secret). */
export interface SimWebhook {
  readonly id: string;
  name: string;
  url: string;
  events: string[];
  verifyTls: boolean;
  signingSecret: string;
  readonly scopeId: string;
  readonly createdAt: string;
  updatedAt: string;
}

const knownEvents = ['workflow-completed', 'job-completed'];

/** Webhooks, seeded on two projects. */
export const webhookState = areaState((store) => {
  const webhooks: SimWebhook[] = [];
  const seeds: [string, string, string[]][] = [
    ['gh/acme/api', 'deploy-notifier', ['workflow-completed']],
    ['gh/acme/api', 'job-audit', ['workflow-completed', 'job-completed']],
    ['gh/acme/web', 'web-status', ['job-completed']],
  ];
  seeds.forEach(([slug, name, events], index) => {
    const project = store.projects.find((candidate) => candidate.slug === slug);
    if (project === undefined) return;
    const at = isoAt(seedEpoch - (index + 1) * 86_400_000);
    webhooks.push({
      id: stableUuid(`webhook:${slug}:${name}`),
      name,
      url: `https://hooks.example.com/${name}`,
      events,
      verifyTls: true,
      signingSecret: `whsec-${stableUuid(`secret:${name}`).slice(0, 18)}`,
      scopeId: project.id,
      createdAt: at,
      updatedAt: at,
    });
  });
  return { webhooks };
});

const webhookJson = (webhook: SimWebhook) => ({
  url: webhook.url,
  'verify-tls': webhook.verifyTls,
  id: webhook.id,
  // CircleCI sends the secret back; the gateway is what hides it.
  'signing-secret': webhook.signingSecret,
  'updated-at': webhook.updatedAt,
  name: webhook.name,
  'created-at': webhook.createdAt,
  scope: { id: webhook.scopeId, type: 'project' },
  events: webhook.events,
});

function checkFields(body: Record<string, unknown>, partial: boolean): void {
  const url = body['url'];
  if (url !== undefined || !partial) {
    if (typeof url !== 'string' || !/^https:\/\/[^\s/]+/.test(url)) throw new SimError(400, 'url must be an https URL');
  }
  const events = body['events'];
  if (events !== undefined || !partial) {
    if (!Array.isArray(events) || events.length === 0 || events.some((event) => !knownEvents.includes(event as string))) {
      throw new SimError(400, `events must be a non-empty list of ${knownEvents.join(', ')}`);
    }
  }
  const name = body['name'];
  if ((name !== undefined || !partial) && (typeof name !== 'string' || name.trim() === '')) throw new SimError(400, 'name is required');
  const verifyTls = body['verify-tls'];
  if ((verifyTls !== undefined || !partial) && typeof verifyTls !== 'boolean') throw new SimError(400, 'verify-tls must be a boolean');
  const secret = body['signing-secret'];
  if ((secret !== undefined || !partial) && typeof secret !== 'string') throw new SimError(400, 'signing-secret is required');
}

/** Outbound webhooks: `/webhook`. */
export function webhookRoutes(router: Router, store: CircleCiStore): void {
  const visibleProjectById = (req: SimRequest, id: string): SimProject => {
    const project = store.projects.find((candidate) => candidate.id === id);
    if (project === undefined || !store.canSee(userOf(store, req), project.slug)) throw new SimError(404, 'Project not found');
    return project;
  };
  const visibleWebhook = (req: SimRequest): SimWebhook => {
    const webhook = webhookState(store).webhooks.find((candidate) => candidate.id === req.params['webhook-id']);
    const project = webhook === undefined ? undefined : store.projects.find((candidate) => candidate.id === webhook.scopeId);
    if (webhook === undefined || project === undefined || !store.canSee(userOf(store, req), project.slug)) throw new SimError(404, 'Webhook not found');
    return webhook;
  };

  router.on(ops.getWebhooks, (req) => {
    const scopeId = req.query.get('scope-id');
    if (scopeId === null || req.query.get('scope-type') !== 'project') throw new SimError(400, 'scope-id and scope-type=project are required');
    const project = visibleProjectById(req, scopeId);
    const items = webhookState(store).webhooks.filter((webhook) => webhook.scopeId === project.id).map(webhookJson);
    return { status: 200, body: { items, next_page_token: null } };
  });

  router.on(ops.createWebhook, (req) => {
    const body = bodyOf(req);
    checkFields(body, false);
    const scope = body['scope'] as { id?: unknown; type?: unknown } | undefined;
    if (scope?.type !== 'project' || typeof scope.id !== 'string') throw new SimError(400, 'scope must be a project');
    const project = visibleProjectById(req, scope.id);
    const now = new Date().toISOString();
    const webhook: SimWebhook = {
      id: stableUuid(`webhook:${project.id}:${String(body['name'])}:${Date.now()}:${webhookState(store).webhooks.length}`),
      name: body['name'] as string,
      url: body['url'] as string,
      events: body['events'] as string[],
      verifyTls: body['verify-tls'] as boolean,
      signingSecret: body['signing-secret'] as string,
      scopeId: project.id,
      createdAt: now,
      updatedAt: now,
    };
    webhookState(store).webhooks.push(webhook);
    return { status: 201, body: webhookJson(webhook) };
  });

  router.on(ops.getWebhookById, (req) => ({ status: 200, body: webhookJson(visibleWebhook(req)) }));

  router.on(ops.updateWebhook, (req) => {
    const webhook = visibleWebhook(req);
    const body = bodyOf(req);
    checkFields(body, true);
    if (typeof body['name'] === 'string') webhook.name = body['name'];
    if (typeof body['url'] === 'string') webhook.url = body['url'];
    if (Array.isArray(body['events'])) webhook.events = body['events'] as string[];
    if (typeof body['verify-tls'] === 'boolean') webhook.verifyTls = body['verify-tls'];
    if (typeof body['signing-secret'] === 'string') webhook.signingSecret = body['signing-secret'];
    webhook.updatedAt = new Date().toISOString();
    return { status: 200, body: webhookJson(webhook) };
  });

  router.on(ops.deleteWebhook, (req) => {
    const webhook = visibleWebhook(req);
    const webhooks = webhookState(store).webhooks;
    webhooks.splice(webhooks.indexOf(webhook), 1);
    return { status: 200, body: { message: 'Webhook deleted.' } };
  });
}
