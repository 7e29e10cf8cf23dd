import type { IncomingHttpHeaders } from 'node:http';
import { toWorkflow } from '../../upstreams/circleci/mappers.js';
import { toJob } from '../../upstreams/circleci/mappersJobs.js';
import type { CircleCiWorkflowModel } from '../../upstreams/circleci/models.js';
import { buildPath } from '../../upstreams/buildPath.js';
import { circleCiOperations as ops } from '../../upstreams/circleci/operations.js';
import type { AnyOperation } from '../../upstreams/operation.js';
import type { BusMessage } from '../bus/EventBus.js';
import type { CircleCiTransitions } from '../circleci/CircleCiTransitions.js';
import { normalizeSlug } from '../circleci/status.js';
import { DeliveryError, objectAt, textAt, type Receiver, type ReceivedEvent, type VerifiedDelivery } from './Receiver.js';
import { headerOf } from '../../http/headerOf.js';
import { verifyCircleCiSignature } from './signatures.js';

/**
 * Upstream paths a workflow or job event makes stale, built by the operations
 * that read them, so that they are the very text those reads are cached under.
 */
function stalePaths(projectSlug: string, pipelineId: string, workflowId: string, jobNumber: string | null): string[] {
  const paths: string[] = [];
  const add = (operation: AnyOperation, values: Readonly<Record<string, string>>): void => {
    try {
      paths.push(buildPath(operation, values));
    } catch {
      // A value no operation can name in a path: nothing was read, or cached, under it.
    }
  };
  add(ops.getPipelineById, { 'pipeline-id': pipelineId });
  add(ops.listWorkflowsByPipelineId, { 'pipeline-id': pipelineId });
  add(ops.getWorkflowById, { id: workflowId });
  add(ops.listWorkflowJobs, { id: workflowId });
  if (projectSlug !== '') add(ops.listPipelinesForProject, { 'project-slug': projectSlug });
  if (projectSlug !== '' && jobNumber !== null) add(ops.getJobDetails, { 'project-slug': projectSlug, 'job-number': jobNumber });
  return paths;
}

/**
 * CircleCI outbound webhooks (`workflow-completed`, `job-completed`), signed
 * `circleci-signature: v1=<hex>`, de-duplicated on the body's `id`.
 */
export function circleCiReceiver(
  transitions: CircleCiTransitions,
  /** Reads all of a pipeline's workflows (with the configured token), so its status counts the ones no webhook told of. */
  pipelineWorkflows?: ((pipelineId: string) => Promise<readonly CircleCiWorkflowModel[]>) | undefined,
): Receiver {
  return {
    service: 'circleci',
    verify: (secret: string, raw: Buffer, headers: IncomingHttpHeaders) => verifyCircleCiSignature(secret, raw, headerOf(headers, 'circleci-signature')),
    read({ headers, body }: VerifiedDelivery): ReceivedEvent {
      const root = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
      const type = textAt(root, 'type') ?? headerOf(headers, 'circleci-event-type') ?? 'unknown';
      const project = objectAt(body, 'project');
      const workflowWire = objectAt(body, 'workflow');
      const pipeline = objectAt(body, 'pipeline');
      const job = objectAt(body, 'job');
      const projectSlug = normalizeSlug(textAt(project, 'slug') ?? '');
      const pipelineId = textAt(pipeline, 'id');
      const workflowId = textAt(workflowWire, 'id');
      const happenedAt = textAt(root, 'happened_at') ?? new Date().toISOString();
      if (type !== 'workflow-completed' && type !== 'job-completed') {
        return { deliveryId: textAt(root, 'id') ?? undefined, type };
      }
      if (pipelineId === null || workflowId === null || projectSlug === '') {
        throw new DeliveryError('A CircleCI workflow or job event needs project.slug, pipeline.id and workflow.id');
      }
      const workflow = toWorkflow({
        id: workflowId,
        name: workflowWire['name'],
        status: workflowWire['status'],
        created_at: workflowWire['created_at'],
        stopped_at: workflowWire['stopped_at'],
        pipeline_id: pipelineId,
        pipeline_number: pipeline['number'],
        project_slug: projectSlug,
      });
      const jobNumber = textAt(job, 'number');
      const apply = async (): Promise<BusMessage[]> => {
        if (type === 'job-completed') {
          const jobId = textAt(job, 'id');
          if (jobId === null) throw new DeliveryError('A CircleCI job-completed event needs job.id');
          // The webhook names the number `number` where the job list says `job_number`; only jobs that ran (builds) have one.
          const model = toJob(
            { id: jobId, job_number: job['number'], name: job['name'], project_slug: projectSlug, status: job['status'], type: jobNumber === null ? undefined : 'build', started_at: job['started_at'], stopped_at: job['stopped_at'] },
            workflowId,
          );
          await transitions.jobObserved(model, { projectSlug, pipelineId }, 'WEBHOOK', happenedAt);
        } else {
          const others = pipelineWorkflows === undefined ? [] : await pipelineWorkflows(pipelineId).catch(() => []);
          // The webhook's own workflow goes last: its status is what this event announces.
          await transitions.workflowsObserved([...others.filter((other) => other.id !== workflow.id), workflow], 'WEBHOOK', happenedAt);
        }
        return [{ invalidate: { service: 'circleci', paths: stalePaths(projectSlug, pipelineId, workflowId, jobNumber) } }];
      };
      return { deliveryId: textAt(root, 'id') ?? undefined, type, apply };
    },
  };
}
