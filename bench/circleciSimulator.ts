/**
 * The CircleCI simulator alone in its own process, for the overhead
 * benchmark: prints its base URL as one JSON line, serves the OpenAPI spec
 * at /openapi.json on a side port, and stops on SIGTERM or when its parent goes.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCircleCiSimulator } from '../src/simulators/circleci/createCircleCiSimulator.js';

const simulator = createCircleCiSimulator();
const url = await simulator.simulator.listen(0, '127.0.0.1');
const spec = readFileSync(new URL('../test/contracts/circleci-v2.openapi.json', import.meta.url));
const specServer = createServer((_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(spec);
});
await new Promise<void>((resolve) => specServer.listen(0, '127.0.0.1', resolve));
const specUrl = `http://127.0.0.1:${(specServer.address() as AddressInfo).port}/openapi.json`;
process.stdout.write(`${JSON.stringify({ url, specUrl })}\n`);
const stop = (): void => {
  specServer.close();
  void simulator.simulator.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
