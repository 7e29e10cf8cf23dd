import { createClient, type Client } from 'graphql-ws';
import { examples } from 'switchyard:examples';

/**
 * The live board: runs the dashboard query of `examples/dashboard.graphql`,
 * then `pipelinesChanged` (`examples/pipelines-changed.graphql`) over
 * graphql-ws for every project it listed, and keeps one card per project
 * coloured by its latest pipeline's run state, updated in place. Failed
 * services and stale answers (`extensions.stale`) are shown above the cards.
 * No framework: the DOM, fetch and the graphql-ws client.
 */

/** What the page embeds for the board (see src/server/board.ts). */
interface BoardSettings {
  readonly credentialHeaders: readonly string[];
  /** The client authentication header, when the gateway asks for one. */
  readonly authHeaders: readonly string[];
  /** SUBSCRIPTION_MAX_PROJECTS: the most projects one subscription watches. */
  readonly maxProjects: number;
}

interface GraphQLErrorShape {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string; readonly service?: string; readonly [key: string]: unknown };
}

interface PipelineShape {
  readonly id?: string;
  readonly number?: number | null;
  readonly status: string;
  readonly runState?: string | null;
  readonly createdAt?: string | null;
}

interface ProjectShape {
  readonly id: string;
  readonly service: string;
  readonly name?: string;
  readonly fullName: string;
  readonly url?: string | null;
  readonly members?: { readonly totalCount?: number | null } | null;
  readonly webhooks?: { readonly edges?: readonly unknown[] } | null;
  readonly latestPipeline?: PipelineShape | null;
}

interface DashboardData {
  readonly projects?: { readonly edges?: readonly { readonly node: ProjectShape }[]; readonly failedServices?: readonly string[] } | null;
  readonly [field: string]: unknown;
}

/** `extensions.stale` of an answer: upstream answers older than fresh, served because the service failed. */
interface StaleShape {
  readonly service: string;
  readonly ageSeconds: number;
}

interface ChangeShape {
  readonly project: { readonly id: string };
  readonly pipeline: PipelineShape | null;
  readonly runState: string | null;
  readonly previousRunState: string | null;
  readonly source: string;
  readonly happenedAt: string;
}

const serviceNames: Readonly<Record<string, string>> = {
  CIRCLECI: 'CircleCI',
  GHES: 'GitHub Enterprise',
  GITLAB: 'GitLab',
  CONCORD: 'Concord',
  FLEXSTACK: 'FlexStack',
};
const serviceName = (service: string): string => serviceNames[service.toUpperCase()] ?? service;

function readSettings(): BoardSettings {
  const element = document.getElementById('board-settings');
  const parsed = JSON.parse(element?.textContent ?? '{}') as Partial<BoardSettings>;
  return { credentialHeaders: parsed.credentialHeaders ?? [], authHeaders: parsed.authHeaders ?? [], maxProjects: parsed.maxProjects ?? 100 };
}

function exampleText(file: string): string {
  const example = examples.find((candidate) => candidate.file === file);
  if (example === undefined) throw new Error(`The board is built without examples/${file}`);
  return example.query;
}

/** Creates an element with a class and text (never HTML: everything shown is data). */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (className !== undefined) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

const timeOf = (iso: string | null | undefined): string => {
  const ms = iso === null || iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? '' : new Date(ms).toLocaleTimeString();
};

const settings = readSettings();
const dashboardQuery = exampleText('dashboard.graphql');
const watchQuery = exampleText('pipelines-changed.graphql');
const endpoint = new URL('/graphql', window.location.href);
const socketUrl = new URL(endpoint.href);
socketUrl.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

/** One project's card and the parts updated in place. */
interface Card {
  readonly root: HTMLElement;
  readonly service: string;
  readonly state: HTMLElement;
  readonly status: HTMLElement;
  readonly updated: HTMLElement;
}

// ---- The page's parts ----
const root = document.getElementById('board') ?? document.body;
const header = element('header', 'board-header');
const title = element('h1', undefined, 'Switchyard board');
const connection = element('span', 'connection');
connection.dataset['state'] = 'idle';
connection.textContent = 'not connected';
const refresh = element('button', 'refresh', 'Reload');
refresh.type = 'button';
const legend = element('ul', 'legend');
for (const state of ['PENDING', 'RUNNING', 'BLOCKED', 'SUCCEEDED', 'FAILED', 'CANCELED', 'SKIPPED']) {
  const item = element('li', undefined, state.toLowerCase());
  item.dataset['runState'] = state;
  legend.append(item);
}
header.append(title, connection, legend, refresh);

const credentials = element('details', 'credentials');
credentials.append(element('summary', undefined, 'Credentials'));
const form = element('form');
const inputs = new Map<string, HTMLInputElement>();
for (const name of [...settings.authHeaders, ...settings.credentialHeaders]) {
  const label = element('label');
  label.append(element('span', undefined, name));
  const input = element('input');
  input.type = 'password';
  input.name = name;
  input.autocomplete = 'off';
  input.placeholder = settings.authHeaders.includes(name) ? 'client key' : 'empty: the configured token';
  label.append(input);
  form.append(label);
  inputs.set(name, input);
}
const apply = element('button', undefined, 'Apply');
apply.type = 'submit';
form.append(apply);
credentials.append(form);

const alerts = element('section', 'alerts');
alerts.setAttribute('aria-live', 'polite');
const grid = element('main', 'cards');
root.append(header, credentials, alerts, grid);

// ---- State ----
const cards = new Map<string, Card>();
let client: Client | undefined;
let stopWatching: (() => void) | undefined;
let generation = 0;

/** The credential headers typed in (only those with a value: empty ones fall back to the configured tokens). */
function credentialValues(): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, input] of inputs) if (input.value.trim() !== '') values[name] = input.value.trim();
  return values;
}

function showAlert(kind: 'error' | 'stale' | 'failed', text: string): void {
  const item = element('p', `alert alert-${kind}`, text);
  alerts.append(item);
}

function errorText(error: GraphQLErrorShape): string {
  const code = error.extensions?.code;
  const service = error.extensions?.service;
  return `${code ?? 'ERROR'}${service === undefined ? '' : ` (${serviceName(service)})`}: ${error.message}`;
}

/** Shows a pipeline (or none) on a card: its colour, run state, own status and number. */
function showPipeline(card: Card, pipeline: PipelineShape | null | undefined, runState: string | null | undefined): void {
  const state = pipeline === null || pipeline === undefined ? 'NONE' : (runState ?? 'UNKNOWN');
  card.root.dataset['runState'] = state;
  card.state.textContent = state === 'NONE' ? 'no pipeline' : state;
  card.status.textContent = pipeline === null || pipeline === undefined ? '' : `${pipeline.status}${pipeline.number === null || pipeline.number === undefined ? '' : ` · #${pipeline.number}`}`;
}

function cardOf(project: ProjectShape): Card {
  const known = cards.get(project.id);
  if (known !== undefined) return known;
  const rootElement = element('article', 'card');
  rootElement.dataset['projectId'] = project.id;
  rootElement.dataset['service'] = project.service;
  const top = element('header');
  top.append(element('span', 'service', serviceName(project.service)));
  const name = project.url === null || project.url === undefined ? element('span', 'name') : element('a', 'name');
  name.textContent = project.name ?? project.fullName;
  if (name instanceof HTMLAnchorElement && project.url !== null && project.url !== undefined && /^https?:\/\//.test(project.url)) {
    name.href = project.url;
    name.rel = 'noreferrer';
    name.target = '_blank';
  }
  top.append(name);
  const run = element('div', 'run');
  const state = element('span', 'state');
  const status = element('span', 'status');
  run.append(state, status);
  const details = element('div', 'details', project.fullName);
  const counts: string[] = [];
  const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
  if (typeof project.members?.totalCount === 'number') counts.push(count(project.members.totalCount, 'member'));
  if (project.webhooks?.edges !== undefined) counts.push(count(project.webhooks.edges.length, 'hook'));
  const meta = element('div', 'meta', counts.join(' · '));
  const updated = element('div', 'updated');
  rootElement.append(top, details, run, meta, updated);
  grid.append(rootElement);
  const card: Card = { root: rootElement, service: project.service, state, status, updated };
  cards.set(project.id, card);
  return card;
}

/** The projects of the dashboard's answer, every top-level `Project` with the list's, each once. */
function projectsOf(data: DashboardData | null | undefined): ProjectShape[] {
  const found = new Map<string, ProjectShape>();
  for (const edge of data?.projects?.edges ?? []) found.set(edge.node.id, edge.node);
  for (const [field, value] of Object.entries(data ?? {})) {
    if (field === 'projects' || value === null || typeof value !== 'object') continue;
    const project = value as Partial<ProjectShape>;
    if (typeof project.id === 'string' && typeof project.service === 'string' && typeof project.fullName === 'string') found.set(project.id, project as ProjectShape);
  }
  return [...found.values()];
}

async function runDashboard(headers: Record<string, string>): Promise<ProjectShape[]> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query: dashboardQuery, operationName: 'Dashboard' }),
  });
  const answer = (await response.json()) as { data?: DashboardData | null; errors?: readonly GraphQLErrorShape[]; extensions?: { stale?: readonly StaleShape[] } };
  for (const service of answer.data?.projects?.failedServices ?? []) {
    showAlert('failed', `${serviceName(service)} failed: its projects are missing from the list.`);
  }
  for (const error of answer.errors ?? []) showAlert('error', errorText(error));
  const projects = projectsOf(answer.data);
  for (const project of projects) {
    const card = cardOf(project);
    showPipeline(card, project.latestPipeline, project.latestPipeline?.runState);
    card.updated.textContent = 'from the dashboard query';
  }
  // Answers served stale because their service failed: say how old, and mark that service's cards.
  for (const stale of answer.extensions?.stale ?? []) {
    showAlert('stale', `${serviceName(stale.service)} is failing: its data is ${Math.round(stale.ageSeconds)} s old.`);
    for (const card of cards.values()) {
      if (card.service.toLowerCase() === stale.service.toLowerCase()) card.root.dataset['stale'] = 'true';
    }
  }
  return projects;
}

function applyChange(change: ChangeShape): void {
  const card = cards.get(change.project.id);
  if (card === undefined) return;
  showPipeline(card, change.pipeline, change.runState);
  // Live data: no longer stale.
  delete card.root.dataset['stale'];
  card.updated.textContent = `${change.source.toLowerCase()} · ${timeOf(change.happenedAt)}`;
  card.root.classList.remove('changed');
  // Restart the highlight animation (a reflow between removing and adding the class).
  void card.root.offsetWidth;
  if (change.source !== 'CURRENT') card.root.classList.add('changed');
}

function setConnection(state: string, text: string): void {
  connection.dataset['state'] = state;
  connection.textContent = text;
}

function watch(ids: readonly string[], headers: Record<string, string>, mine: number): void {
  if (ids.length === 0) {
    setConnection('idle', 'no project to watch');
    return;
  }
  const watched = ids.slice(0, settings.maxProjects);
  if (watched.length < ids.length) showAlert('error', `Watching the first ${watched.length} of ${ids.length} projects (SUBSCRIPTION_MAX_PROJECTS).`);
  client = createClient({
    url: socketUrl.href,
    connectionParams: headers,
    // Reconnect (and so start again with CURRENT events) after any drop but a refused credential.
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (event) => (event as { code?: unknown } | null)?.code !== 4403,
    on: {
      connecting: () => {
        if (mine === generation) setConnection('connecting', 'connecting…');
      },
      connected: () => {
        if (mine === generation) setConnection('live', 'live');
      },
      closed: (event) => {
        if (mine !== generation) return;
        const reason = (event as { reason?: string } | undefined)?.reason;
        setConnection('closed', reason === undefined || reason === '' ? 'disconnected, retrying' : `disconnected: ${reason}`);
      },
    },
  });
  stopWatching = client.subscribe<{ pipelinesChanged?: ChangeShape }>(
    { query: watchQuery, variables: { projects: watched } },
    {
      next: (result) => {
        if (mine !== generation) return;
        for (const error of result.errors ?? []) showAlert('error', errorText(error as GraphQLErrorShape));
        const change = result.data?.pipelinesChanged;
        if (change !== undefined) applyChange(change);
      },
      error: (error) => {
        if (mine !== generation) return;
        const errors = Array.isArray(error) ? (error as GraphQLErrorShape[]) : [{ message: error instanceof Error ? error.message : 'the subscription failed' }];
        for (const item of errors) showAlert('error', errorText(item));
        setConnection('closed', 'subscription failed');
      },
      complete: () => {
        if (mine === generation) setConnection('closed', 'subscription ended');
      },
    },
  );
}

async function start(): Promise<void> {
  const mine = ++generation;
  stopWatching?.();
  await client?.dispose();
  client = undefined;
  alerts.replaceChildren();
  grid.replaceChildren();
  cards.clear();
  setConnection('connecting', 'loading…');
  const headers = credentialValues();
  try {
    const projects = await runDashboard(headers);
    if (mine !== generation) return;
    watch(
      projects.map((project) => project.id),
      headers,
      mine,
    );
  } catch (error) {
    if (mine !== generation) return;
    showAlert('error', `The dashboard query failed: ${error instanceof Error ? error.message : String(error)}`);
    setConnection('closed', 'not connected');
  }
}

refresh.addEventListener('click', () => void start());
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void start();
});
void start();
