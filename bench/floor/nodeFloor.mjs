// The floor of any Node.js gateway on the pipeline read, for the peers
// benchmark: a plain node:http server that answers the read's GraphQL request
// (by its variables only: no parse, validation or execution) with the two
// CircleCI calls made by undici on a keep-alive pool, then JSON.stringify.
// Whatever a Node gateway does beyond this costs more; what this costs, every
// Node gateway pays. Settings: PORT, CIRCLECI_URL, CIRCLECI_TOKEN.
import { createServer } from 'node:http';
import { Agent } from 'undici';

const base = new URL(process.env.CIRCLECI_URL);
const basePath = base.pathname.replace(/\/$/, '');
const headers = { 'circle-token': process.env.CIRCLECI_TOKEN, accept: 'application/json' };
const agent = new Agent({ connections: 32 });

async function get(path) {
  const response = await agent.request({ origin: base.origin, path: `${basePath}${path}`, method: 'GET', headers });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`);
  return JSON.parse(text);
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
    const { variables } = JSON.parse(await readBody(req));
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
