// The floor of any Node.js gateway on the peers benchmark's reads: a plain
// node:http server that answers each read's GraphQL request (the pipeline read
// by its variables only, the dashboard by its operation name: no parse,
// validation or execution) with the read's REST calls made by undici on a
// keep-alive pool, side by side as a gateway makes them, then JSON.stringify.
// The dashboard makes Switchyard's 34 calls (the 33 of a REST client, and the
// CircleCI pipeline's workflows for its run state). Whatever a Node gateway
// does beyond this costs more; what this costs, every Node gateway pays.
// Settings: PORT, and CIRCLECI_URL, CIRCLECI_TOKEN, GITLAB_URL, GITLAB_TOKEN,
// CONCORD_URL, CONCORD_TOKEN, FLEXSTACK_URL, FLEXSTACK_API_KEY (the dashboard
// needs all four services).
import { createServer } from 'node:http';
import { Agent } from 'undici';

const base = new URL(process.env.CIRCLECI_URL);
const basePath = base.pathname.replace(/\/$/, '');
const headers = { 'circle-token': process.env.CIRCLECI_TOKEN, accept: 'application/json' };
// As many connections per origin as the gateway: the dashboard sends 34 calls at once, and a call waiting for a connection would cost a round trip.
const agent = new Agent({ connections: 128 });

async function get(path) {
  const response = await agent.request({ origin: base.origin, path: `${basePath}${path}`, method: 'GET', headers });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`);
  return JSON.parse(text);
}

/** A service of the dashboard: its base URL and headers, when configured. */
function service(urlName, header, tokenName) {
  const url = process.env[urlName];
  return url === undefined ? undefined : { url: url.replace(/\/$/, ''), headers: { [header]: process.env[tokenName] ?? '', accept: 'application/json' } };
}
const gitlab = service('GITLAB_URL', 'private-token', 'GITLAB_TOKEN');
const concord = service('CONCORD_URL', 'authorization', 'CONCORD_TOKEN');
const flexstack = service('FLEXSTACK_URL', 'x-api-key', 'FLEXSTACK_API_KEY');
const circleci = { url: base.href.replace(/\/$/, ''), headers };

/** A GET of a dashboard service; `absent` is the status that means "none" (null). */
async function read(upstream, path, absent) {
  const url = new URL(upstream.url + path);
  const response = await agent.request({ origin: url.origin, path: url.pathname + url.search, method: 'GET', headers: upstream.headers });
  const text = await response.body.text();
  if (response.statusCode === absent) return null;
  if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`);
  return JSON.parse(text);
}

const edges = (nodes) => ({ edges: nodes.map((node) => ({ node })) });

/** The README's dashboard: the same calls as Switchyard's, the same answer (ids and cursors aside). */
async function dashboard() {
  const first = 10;
  const shown = 5;
  const perService = Math.ceil(first / 3) + 1;
  const [gitlabList, concordList, flexstackList] = await Promise.all([
    read(gitlab, `/projects?pagination=keyset&order_by=id&sort=asc&per_page=${perService}&membership=true`),
    read(concord, `/v1/org/Default/project?offset=0&limit=${perService}`),
    read(flexstack, `/projects?limit=${perService}&sort=%2Bcreated_at`),
  ]);
  const lists = [
    gitlabList.map((p) => ({ service: 'GITLAB', id: p.id, name: p.name })),
    concordList.map((p) => ({ service: 'CONCORD', id: p.name, name: p.name })),
    flexstackList.data.map((p) => ({ service: 'FLEXSTACK', id: p.id, name: p.name })),
  ];
  const page = [];
  for (let i = 0; page.length < first && lists.some((list) => i < list.length); i++) {
    for (const list of lists) if (list[i] !== undefined && page.length < first) page.push(list[i]);
  }
  const card = async (p) => {
    if (p.service === 'GITLAB') {
      const at = `/projects/${p.id}`;
      const [members, hooks, latest] = await Promise.all([read(gitlab, `${at}/members?per_page=${shown}`), read(gitlab, `${at}/hooks?per_page=${shown}`), read(gitlab, `${at}/pipelines/latest`, 403)]);
      return {
        service: p.service,
        name: p.name,
        members: edges(members.map((m) => ({ name: m.name }))),
        webhooks: edges(hooks.map((h) => ({ url: h.url }))),
        latestPipeline: latest === null ? null : { number: latest.iid, status: latest.status, createdAt: latest.created_at },
      };
    }
    if (p.service === 'CONCORD') {
      const [access, processes] = await Promise.all([read(concord, `/v1/org/Default/project/${p.id}/access`), read(concord, `/v2/process?orgName=Default&projectName=${p.id}&limit=1&offset=0`)]);
      const process = processes[0];
      return {
        service: p.service,
        name: p.name,
        members: edges(access.slice(0, shown).map((a) => ({ name: a.teamName }))),
        webhooks: edges([]),
        latestPipeline: process === undefined ? null : { number: null, status: process.status, createdAt: process.createdAt },
      };
    }
    const at = `/projects/${p.id}`;
    const [members, integrations, deployments] = await Promise.all([read(flexstack, `${at}/members?limit=${shown}`), read(flexstack, `${at}/integrations/notifications`), read(flexstack, `${at}/deployments?limit=1&sort=-created_at`)]);
    const deployment = deployments.data[0];
    return {
      service: p.service,
      name: p.name,
      members: edges(members.data.map((m) => ({ name: m.display_name }))),
      webhooks: edges(integrations.filter((i) => i.type === 'webhook').slice(0, shown).map((i) => ({ url: i.config.url ?? '' }))),
      latestPipeline: deployment === undefined ? null : { number: null, status: deployment.status, createdAt: deployment.created_at },
    };
  };
  const circleciCard = async () => {
    const slug = 'gh/acme/api';
    const [project, pipelines] = await Promise.all([read(circleci, `/project/${slug}`), read(circleci, `/project/${slug}/pipeline`)]);
    const latest = pipelines.items[0];
    const [webhooks] = await Promise.all([
      read(circleci, `/webhook?scope-id=${project.id}&scope-type=project`),
      // Switchyard reads the latest pipeline's workflows for its run state: the floor makes the same call.
      latest === undefined ? undefined : read(circleci, `/pipeline/${latest.id}/workflow`),
    ]);
    return {
      service: 'CIRCLECI',
      name: project.name,
      members: null,
      webhooks: edges(webhooks.items.slice(0, shown).map((w) => ({ url: w.url }))),
      latestPipeline: latest === undefined ? null : { number: latest.number, status: latest.state, createdAt: latest.created_at },
    };
  };
  const [cards, circleciProject] = await Promise.all([Promise.all(page.map(card)), circleciCard()]);
  return { projects: { edges: cards.map((node) => ({ node })), failedServices: [] }, circleciProject };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

const server = createServer(async (req, res) => {
  if (req.method === 'GET') {
    res.end('ok');
    return;
  }
  try {
    const { query, variables } = JSON.parse(await readBody(req));
    if (query.startsWith('query Dashboard')) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: await dashboard() }));
      return;
    }
    const id = encodeURIComponent(variables.id);
    const pipeline = await get(`/pipeline/${id}`);
    const workflows = await get(`/pipeline/${id}/workflow`);
    const data = {
      circleciPipeline: {
        id: pipeline.id,
        pipelineId: pipeline.id,
        number: pipeline.number,
        state: pipeline.state,
        workflows: { edges: workflows.items.map((w) => ({ node: { id: w.id, workflowId: w.id, name: w.name, status: w.status } })) },
      },
    };
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data }));
  } catch (error) {
    res.statusCode = 500;
    res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
