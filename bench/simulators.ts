/**
 * The five service simulators in one process of their own, for the
 * benchmarks: prints one JSON line with the CircleCI base URL (`url`), every
 * service's base URL and demo credential, and the CircleCI OpenAPI spec's URL
 * on a side port (for Hive Gateway); stops on SIGTERM or when its parent goes.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulators } from '../src/simulators/startSimulators.js';

// Seeded runs finish at once: answers stay the same for the whole run, so targets can be checked against each other.
const simulators = await startSimulators({ runDurationMs: 0 });
const spec = readFileSync(new URL('../test/contracts/circleci-v2.openapi.json', import.meta.url));
const specServer = createServer((_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(spec);
});
await new Promise<void>((resolve) => specServer.listen(0, '127.0.0.1', resolve));
const specUrl = `http://127.0.0.1:${(specServer.address() as AddressInfo).port}/openapi.json`;
const origins = Object.values(simulators.byService).map((simulator) => simulator.origin);
process.stdout.write(`${JSON.stringify({ url: simulators.urls.circleci, urls: simulators.urls, tokens: simulators.tokens, origins, specUrl })}\n`);
const stop = (): void => {
  specServer.close();
  void simulators.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
