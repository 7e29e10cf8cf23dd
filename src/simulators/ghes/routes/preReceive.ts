import type { Router, SimRequest } from '../../core/Router.js';
import { downloadJson, environmentJson } from '../serialize.js';
import { githubTime, type GhesStore, type SimGhesEnvironment } from '../store.js';
import { bodyOf, notFound, numericParam, originOf, pagedList, sortBy, validationFailed } from './context.js';
import { ghesOperations as ops } from '../../../upstreams/ghes/operations.js';

const resource = 'PreReceiveEnvironment';
const defaultLocked = 'Cannot modify or delete the default environment';

function custom(message: string): never {
  validationFailed({ resource, code: 'custom', message });
}

function downloading(environment: SimGhesEnvironment): boolean {
  return environment.download.state === 'in_progress' || environment.download.startedAt !== null;
}

/** Pre-receive environments: `/admin/pre-receive-environments`. */
export function preReceiveRoutes(router: Router, store: GhesStore): void {
  const find = (req: SimRequest): SimGhesEnvironment =>
    store.environments.find((candidate) => candidate.id === numericParam(req, 'pre_receive_environment_id')) ?? notFound();
  const checkName = (name: unknown, except?: SimGhesEnvironment): string => {
    if (typeof name !== 'string' || name.trim() === '') validationFailed({ resource, code: 'missing_field', field: 'name' });
    const taken = store.environments.some((other) => other !== except && other.name.toLowerCase() === name.trim().toLowerCase());
    if (taken) validationFailed({ resource, code: 'already_exists', field: 'name', message: 'Name has already been taken' });
    return name.trim();
  };
  const checkImage = (url: unknown): string => {
    if (typeof url !== 'string' || url === '') validationFailed({ resource, code: 'missing_field', field: 'image_url' });
    if (!/^https?:\/\/[^\s/]+/.test(url)) validationFailed({ resource, code: 'invalid', field: 'image_url', message: 'image_url must be an http(s) URL' });
    return url;
  };

  router.on(ops.listPreReceiveEnvironments, (req) => {
    const sort = req.query.get('sort') ?? 'created';
    const direction = req.query.get('direction') ?? 'desc';
    if (!['created', 'updated', 'name'].includes(sort)) validationFailed({ resource, code: 'invalid', field: 'sort' });
    if (!['asc', 'desc'].includes(direction)) validationFailed({ resource, code: 'invalid', field: 'direction' });
    const key = (environment: SimGhesEnvironment): string =>
      sort === 'name' ? environment.name.toLowerCase() : sort === 'updated' ? environment.updatedAt : environment.createdAt;
    return pagedList(req, sortBy(store.environments, key, direction), (environment) => environmentJson(originOf(req), environment));
  });

  router.on(ops.createPreReceiveEnvironment, (req) => {
    const body = bodyOf(req);
    const now = githubTime(Date.now());
    const environment: SimGhesEnvironment = {
      id: store.takeId('environment'),
      name: checkName(body['name']),
      imageUrl: checkImage(body['image_url']),
      isDefault: false,
      createdAt: now,
      updatedAt: now,
      hooksCount: 0,
      download: { state: 'not_started', downloadedAt: null, message: null, startedAt: null },
    };
    store.environments.push(environment);
    return { status: 201, body: environmentJson(originOf(req), environment) };
  });

  router.on(ops.getPreReceiveEnvironment, (req) => ({ status: 200, body: environmentJson(originOf(req), find(req)) }));

  router.on(ops.updatePreReceiveEnvironment, (req) => {
    const environment = find(req);
    if (environment.isDefault) custom(defaultLocked);
    const body = bodyOf(req);
    if (body['name'] !== undefined) environment.name = checkName(body['name'], environment);
    if (body['image_url'] !== undefined) environment.imageUrl = checkImage(body['image_url']);
    environment.updatedAt = githubTime(Date.now());
    return { status: 200, body: environmentJson(originOf(req), environment) };
  });

  router.on(ops.deletePreReceiveEnvironment, (req) => {
    const environment = find(req);
    if (environment.isDefault) custom(defaultLocked);
    if (environment.hooksCount > 0) custom('Cannot delete environment that has hooks');
    if (downloading(environment)) custom('Cannot delete environment when download is in progress');
    store.environments.splice(store.environments.indexOf(environment), 1);
    return { status: 204 };
  });

  router.on(ops.startPreReceiveEnvironmentDownload, (req) => {
    const environment = find(req);
    if (environment.isDefault) custom(defaultLocked);
    if (downloading(environment)) custom('Can not start a new download when a download is in progress');
    environment.download = { state: 'not_started', downloadedAt: null, message: null, startedAt: Date.now() };
    return { status: 202, body: downloadJson(originOf(req), environment) };
  });

  router.on(ops.getDownloadStatusForPreReceiveEnvironment, (req) => ({ status: 200, body: downloadJson(originOf(req), find(req)) }));
}
