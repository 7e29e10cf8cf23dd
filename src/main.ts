import { ConfigError, loadConfig, type Config } from './config/config.js';
import { startTracing } from './telemetry/startTracing.js';

/** The configuration, or exit 2 with a message naming the setting that cannot be used. */
function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

const config = configOrExit();
// Tracing starts before the gateway's modules are loaded: its HTTP instrumentation patches node:http as
// it is imported, so everything that serves or calls HTTP comes after, by dynamic import.
const tracing = await startTracing(config.tracing);
const { run } = await import('./run.js');
await run(config, tracing);
