import { stableUuid } from '../core/ids.js';
import { Router } from '../core/Router.js';
import { SimError } from '../core/Simulator.js';
import { processJson } from './serialize.js';
import type { ConcordStore, SimProcess, SimProject } from './store.js';

/**
 * Where a Concord process may go from where it is (`ProcessStatus` and the
 * server's queue): prepared, enqueued (and waiting on a lock or another
 * process), started and run; a running one is suspended (a form, an
 * approval) and resumed, or ends; any unfinished one may be cancelled or
 * fail. FINISHED, FAILED, CANCELLED and TIMED_OUT are final.
 */
const processMoves: Readonly<Record<string, readonly string[]>> = {
  NEW: ['PREPARING', 'CANCELLED', 'FAILED'],
  PREPARING: ['ENQUEUED', 'CANCELLED', 'FAILED'],
  ENQUEUED: ['WAITING', 'STARTING', 'CANCELLED', 'FAILED'],
  WAITING: ['ENQUEUED', 'CANCELLED', 'FAILED'],
  STARTING: ['RUNNING', 'CANCELLED', 'FAILED'],
  RUNNING: ['SUSPENDED', 'FINISHED', 'FAILED', 'CANCELLED', 'TIMED_OUT'],
  SUSPENDED: ['RESUMING', 'CANCELLED', 'FAILED', 'TIMED_OUT'],
  RESUMING: ['RUNNING', 'CANCELLED', 'FAILED'],
};

let started = 0;

/** Starts a process of a project (`NEW`), the newest of its list. */
export function startConcordProcess(store: ConcordStore, project: SimProject): SimProcess {
  const at = new Date().toISOString();
  const process: SimProcess = { instanceId: stableUuid(`concord-process:started:${project.id}:${started++}:${at}`), projectId: project.id, kind: 'DEFAULT', initiator: 'admin', status: 'NEW', createdAt: at, lastUpdatedAt: at };
  store.processes.push(process);
  return process;
}

/** Whether Concord moves a process from where it is to `status`. */
export function concordMoves(process: SimProcess, status: string): boolean {
  return (processMoves[process.status] ?? []).includes(status);
}

/** Moves a process to a status (checked with {@link concordMoves} first). */
export function moveConcordProcess(process: SimProcess, status: string): void {
  process.status = status;
  process.lastUpdatedAt = new Date().toISOString();
}

/**
 * The Concord simulator's run controls, under `/__sim/` (Concord sends no
 * webhook about processes; clients poll them):
 * - `POST /projects/:org/:name/processes` starts a process (`NEW`) of a project;
 * - `POST /processes/:id/status {status}` moves one; 409 for a move Concord
 *   does not make (see the table above), 400 for an unknown status.
 */
export function concordRunControls(store: ConcordStore): Router {
  const router = new Router();
  router.post('/projects/:org/:name/processes', (req) => {
    const org = store.orgByName(req.params['org'] ?? '');
    const project = org === undefined ? undefined : store.projectIn(org.id, req.params['name'] ?? '');
    if (project === undefined) throw new SimError(404, `Project not found: ${req.params['org'] ?? ''}/${req.params['name'] ?? ''}`);
    return { status: 201, body: processJson(store, startConcordProcess(store, project)) };
  });
  router.post('/processes/:id/status', (req) => {
    const process = store.processes.find((candidate) => candidate.instanceId === req.params['id']);
    if (process === undefined) throw new SimError(404, `Process instance not found: ${req.params['id'] ?? ''}`);
    const status = (req.body as { status?: unknown } | undefined)?.status;
    const known = new Set(Object.values(processMoves).flat());
    if (typeof status !== 'string' || !known.has(status)) throw new SimError(400, `status must be one of ${[...known].sort().join(', ')}`);
    if (!concordMoves(process, status)) throw new SimError(409, `A ${process.status} process cannot become ${status}`);
    moveConcordProcess(process, status);
    return { status: 200, body: processJson(store, process) };
  });
  return router;
}
