import { SimError, type SimRequest } from '../../core/Simulator.js';
import type { Router } from '../../core/Router.js';
import type { ConcordStore } from '../store.js';
import { assertCanWrite, jsonBodyOf, projectOf, validationError } from './context.js';
import { isJsonObject } from '../../core/isJsonObject.js';
import { concordOperations as ops } from '../../../upstreams/concord/operations.js';

// The server splits `cfg{path}` on `/`, skipping empty parts.
function partsOf(req: SimRequest): string[] {
  return (req.params['path'] ?? '').split('/').filter((part) => part !== '');
}

/** Project configuration: read or replace the whole object or the value at a path. */
export function cfgRoutes(router: Router, store: ConcordStore): void {
  const read = (req: SimRequest): { status: number; body?: unknown } => {
    const { project } = projectOf(store, req);
    let value: unknown = project.cfg;
    for (const part of partsOf(req)) value = isJsonObject(value) ? value[part] : undefined;
    if (value === undefined) throw new SimError(404, `Value not found: ${partsOf(req).join('/')}`);
    return { status: 200, body: value };
  };
  const write = (req: SimRequest): { status: number; body: unknown } => {
    const { project } = projectOf(store, req);
    assertCanWrite(store, req, `project ${project.name}`);
    const parts = partsOf(req);
    // `Object data` under @Consumes(APPLICATION_JSON): Jackson reads any JSON value, and refuses what is not JSON.
    const body = jsonBodyOf(req);
    const value = body === undefined ? null : structuredClone(body);
    if (parts.length === 0) {
      if (!isJsonObject(value)) throw validationError([{ id: 'updateConfiguration.arg3', message: 'must be a JSON object' }]);
      project.cfg = value;
    } else {
      let holder: Record<string, unknown> = project.cfg;
      for (const part of parts.slice(0, -1)) {
        const next = holder[part];
        if (!isJsonObject(next)) holder[part] = {};
        holder = holder[part] as Record<string, unknown>;
      }
      holder[parts[parts.length - 1] as string] = value;
    }
    return { status: 200, body: { ok: true, result: 'UPDATED' } };
  };
  router.on(ops.getProjectConfiguration, read);
  router.on(ops.getProjectConfigurationValue, read);
  router.on(ops.updateProjectConfiguration, write);
  router.on(ops.updateProjectConfigurationValue, write);
}
