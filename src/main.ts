import { ConfigError, loadConfig, type Config } from './config/config.js';
import type { ServiceName } from './config/ServiceName.js';
import { createGateway } from './server/createGateway.js';
import { createLogger } from './server/logger.js';
import { startSimulators, type RunningSimulators } from './simulators/startSimulators.js';

/**
 * Starts the gateway. With no service URL set, starts every simulator in
 * process first and points the gateway at them (demo mode).
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let simulators: RunningSimulators | undefined;
  if (config.demo) {
    simulators = await startSimulators();
    const services: Partial<Record<ServiceName, { url: string; token: string | undefined }>> = {};
    for (const [service, url] of Object.entries(simulators.urls) as [ServiceName, string][]) {
      services[service] = { url, token: simulators.tokens[service] };
    }
    config = Object.freeze({ ...config, services });
    logger.warn(
      { simulators: simulators.urls },
      'DEMO MODE: no service URL is set, so every upstream is a simulator running in this process with seeded data. Set CIRCLECI_URL, GHES_URL, GITLAB_URL, CONCORD_URL or FLEXSTACK_URL to use real services.',
    );
  }
  const gateway = await createGateway({ config, logger });
  logger.info({ cache: gateway.cache.store.kind }, `Cache: ${gateway.cache.describe()}`);
  const url = await gateway.listen();
  logger.info({ endpoint: url, health: url.replace(/\/graphql$/, '/healthz'), demo: config.demo }, `Switchyard GraphQL endpoint: ${url}`);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Shutting down');
    await gateway.stop();
    await simulators?.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

await main();
