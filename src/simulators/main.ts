import { startSimulators } from './startSimulators.js';

const webhookUrl = process.env['CIRCLECI_SIM_WEBHOOK_URL'];
const webhookSecret = process.env['CIRCLECI_SIM_WEBHOOK_SECRET'];

/**
 * `npm run simulators`: every simulator on its fixed port, until stopped.
 * CircleCI runs finish by themselves; with CIRCLECI_SIM_WEBHOOK_URL and
 * CIRCLECI_SIM_WEBHOOK_SECRET set, it delivers signed webhooks there.
 */
const simulators = await startSimulators({
  fixedPorts: true,
  host: process.env['HOST'] ?? '127.0.0.1',
  advanceEveryMs: 1_000,
  circleciWebhook: webhookUrl !== undefined && webhookSecret !== undefined ? { url: webhookUrl, secret: webhookSecret } : undefined,
});
for (const [service, url] of Object.entries(simulators.urls)) {
  process.stdout.write(`${service.padEnd(10)} ${url}  (token: ${simulators.tokens[service as keyof typeof simulators.tokens] ?? '-'})\n`);
}
process.stdout.write('Request logs: GET <origin>/__sim/requests. Stop with Ctrl-C.\n');
const stop = (): void => {
  void simulators.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
