import type { ServiceName } from '../../src/config/ServiceName.js';
import { toGlobalId } from '../../src/relay/globalId.js';
import type { Received } from './liveHelpers.js';

/** A project of each pipeline service in the simulators' seeds, by global id. */
export const projectIds = {
  circleci: toGlobalId('CircleCIProject', 'gh/acme/api'),
  gitlab: toGlobalId('GitLabProject', 1),
  concord: toGlobalId('ConcordProject', 'Default/analytics'),
  flexstack: toGlobalId('FlexStackProject', 'b7G1EKxv9BB7srnAhz3zbC'),
} as const;

export const pipelinesSubscription = /* GraphQL */ `
  subscription Pipelines($projects: [ID!]!) {
    pipelinesChanged(projects: $projects) {
      project { id service fullName }
      pipeline { id service status }
      runState
      previousRunState
      source
      happenedAt
    }
  }
`;

/** One event as `pipelinesSubscription` selects it. */
export interface PipelineChangeEvent {
  readonly project: { readonly id: string; readonly service: string; readonly fullName: string };
  readonly pipeline: { readonly id: string; readonly service: string; readonly status: string } | null;
  readonly runState: string | null;
  readonly previousRunState: string | null;
  readonly source: string;
  readonly happenedAt: string;
}

/** The events a subscription received so far about one project. */
export function eventsOf(received: Received, projectId: string): PipelineChangeEvent[] {
  return received.results
    .map((result) => result.data?.pipelinesChanged as PipelineChangeEvent | undefined)
    .filter((event): event is PipelineChangeEvent => event !== undefined && event.project.id === projectId);
}

/** Calls a simulator's run control (`POST <origin>/__sim/<path>`); returns its JSON answer, failing on any status but 2xx. */
export async function simControl(origin: string, path: string, body: unknown = {}): Promise<any> {
  const response = await fetch(`${origin}/__sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json()) as unknown;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** The origin of a service's simulator in a test gateway's set. */
export function originOf(simulators: { readonly byService: Readonly<Partial<Record<ServiceName, { readonly origin: string }>>> }, service: ServiceName): string {
  const simulator = simulators.byService[service];
  if (simulator === undefined) throw new Error(`No ${service} simulator`);
  return simulator.origin;
}
