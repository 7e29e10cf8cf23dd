import { createHmac } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client for a gateway's HTTP GraphQL URL, sending credentials in connection_init. */
export function wsClient(httpUrl: string, connectionParams: Record<string, string> = {}): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** What one subscription has received so far. */
export interface Received {
  readonly results: { data?: any; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }[];
  error: unknown;
  completed: boolean;
  stop(): void;
}

/** Starts a subscription and records every result. */
export function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}): Received {
  const received: Received = {
    results: [],
    error: undefined,
    completed: false,
    stop: () => undefined,
  };
  received.stop = client.subscribe(
    { query, variables },
    {
      next: (result) => void received.results.push(result as never),
      error: (error) => {
        received.error = error;
      },
      complete: () => {
        received.completed = true;
      },
    },
  );
  return received;
}

/** Waits until a condition holds, polling; fails with the message after the limit. */
export async function waitFor(condition: () => boolean | Promise<boolean>, message: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Timed out waiting for: ${message}`);
}

/** Hex HMAC-SHA256. */
export function hmac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/** POSTs a raw body to a gateway path; returns status and JSON answer. */
export async function post(graphqlUrl: string, path: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  const response = await fetch(graphqlUrl.replace(/\/graphql$/, path), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

/** A CircleCI workflow-completed body for a workflow the simulator knows. */
export function circleCiWorkflowBody(options: {
  id: string;
  projectSlug: string;
  pipelineId: string;
  workflowId: string;
  status: string;
  name?: string;
}): string {
  return JSON.stringify({
    id: options.id,
    type: 'workflow-completed',
    happened_at: '2026-01-02T03:04:05.000Z',
    webhook: { id: 'w1', name: 'test' },
    project: { id: 'p1', name: options.projectSlug.split('/')[2], slug: options.projectSlug },
    organization: { id: 'o1', name: options.projectSlug.split('/')[1] },
    workflow: {
      id: options.workflowId,
      name: options.name ?? 'build-and-test',
      created_at: '2026-01-02T03:00:00.000Z',
      stopped_at: '2026-01-02T03:04:05.000Z',
      url: 'https://app.circleci.com/x',
      status: options.status,
    },
    pipeline: { id: options.pipelineId, number: 7, created_at: '2026-01-02T03:00:00.000Z', trigger: { type: 'webhook' } },
  });
}

export const workflowSubscription = /* GraphQL */ `
  subscription ($pipelineId: ID, $projectSlug: String, $orgSlug: String) {
    circleciWorkflowStatusChanged(pipelineId: $pipelineId, projectSlug: $projectSlug, orgSlug: $orgSlug) {
      status
      previousStatus
      projectSlug
      source
      workflow { workflowId name status pipelineNumber }
    }
  }
`;

export const pipelineSubscription = /* GraphQL */ `
  subscription ($pipelineId: ID, $projectSlug: String, $orgSlug: String) {
    circleciPipelineStatusChanged(pipelineId: $pipelineId, projectSlug: $projectSlug, orgSlug: $orgSlug) {
      status
      previousStatus
      pipelineId
      source
      pipeline { pipelineId number projectSlug }
    }
  }
`;

/** Open timers, sockets and servers of this process, by kind. */
export function resourceCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** Waits until no more timers, sockets or servers are open than in `baseline`. */
export async function expectNoLeftovers(baseline: Record<string, number>): Promise<void> {
  await waitFor(
    () => {
      const now = resourceCounts();
      return (['Timeout', 'TCPSocketWrap', 'TCPServerWrap'] as const).every((kind) => (now[kind] ?? 0) <= (baseline[kind] ?? 0));
    },
    `no timer or socket left behind (baseline ${JSON.stringify(baseline)})`,
    10_000,
  );
}
