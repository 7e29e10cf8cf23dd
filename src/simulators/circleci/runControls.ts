import { Router } from '../core/Router.js';
import { SimError } from '../core/Simulator.js';
import type { CircleCiStore, SimWorkflow, WorkflowStatus } from './store.js';

/**
 * Where a CircleCI workflow may go from where it is: a running one reaches
 * an approval (`on_hold`), has a job fail while others run (`failing`), or
 * ends; a held one is approved (runs again) or canceled; a failing one ends
 * failed (or canceled, errored). Finished workflows stay as they are (a
 * rerun is a new workflow).
 */
const workflowMoves: Readonly<Record<string, readonly WorkflowStatus[]>> = {
  running: ['on_hold', 'failing', 'success', 'failed', 'error', 'canceled', 'unauthorized'],
  failing: ['failed', 'error', 'canceled'],
  on_hold: ['running', 'canceled'],
};

const endings: ReadonlySet<string> = new Set(['success', 'failed', 'error', 'canceled', 'unauthorized']);

/** Moves one active workflow as CircleCI's runners would; endings go through `advance`, which delivers the webhooks. */
function move(store: CircleCiStore, workflow: SimWorkflow, status: WorkflowStatus, now: number): void {
  if (endings.has(status)) {
    workflow.finalStatus = status;
    workflow.finishesAt = now;
    // A workflow failing before its end keeps its failed jobs; `advance` settles the rest and sends the webhooks.
    store.advance(now);
    return;
  }
  workflow.status = status;
  if (status === 'on_hold') {
    // Waits for a person: it stops moving by itself.
    delete workflow.finishesAt;
  } else if (status === 'failing') {
    workflow.finalStatus = 'failed';
  } else {
    // Approved: it runs on and succeeds after the run duration.
    workflow.finalStatus = 'success';
    workflow.finishesAt = now + store.runDurationMs;
  }
}

/**
 * The CircleCI simulator's run controls, under `/__sim/`:
 * `POST /pipelines/:id/status {status}` moves every active workflow of a
 * pipeline (start pipelines through the API: `POST /project/:slug/pipeline`).
 * 400 for a status CircleCI has no move to, 404 for an unknown pipeline, 409
 * when no workflow of it may move there.
 */
export function circleCiRunControls(store: CircleCiStore): Router {
  return new Router().post('/pipelines/:id/status', (req) => {
    const pipeline = store.pipelines.find((candidate) => candidate.id === req.params['id']);
    if (pipeline === undefined) throw new SimError(404, `No pipeline ${req.params['id'] ?? ''}`);
    const status = (req.body as { status?: unknown } | undefined)?.status;
    if (typeof status !== 'string' || !Object.values(workflowMoves).some((moves) => moves.includes(status as WorkflowStatus))) {
      throw new SimError(400, 'status must be one a workflow can move to: running, on_hold, failing, success, failed, error, canceled, unauthorized');
    }
    const movable = store.workflows.filter((workflow) => workflow.pipelineId === pipeline.id && (workflowMoves[workflow.status] ?? []).includes(status as WorkflowStatus));
    if (movable.length === 0) throw new SimError(409, `No workflow of pipeline ${pipeline.id} can move to ${status}`);
    const now = Date.now();
    for (const workflow of movable) move(store, workflow, status as WorkflowStatus, now);
    return { status: 200, body: { id: pipeline.id, workflows: store.workflows.filter((workflow) => workflow.pipelineId === pipeline.id).map(({ id, name, status: current }) => ({ id, name, status: current })) } };
  });
}
