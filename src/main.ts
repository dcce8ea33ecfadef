/** The composition root: `npm start` runs this. */
import pino from 'pino';
import { ConfigError, loadConfig } from './config';
import { startEts } from './start';

/** Runs the server until SIGINT or SIGTERM; `npm start` and `ets serve` call it. */
export async function runServer(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel });
  const ets = await startEts(config, { logger });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info(`${signal}: stopping`);
      ets.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'error while stopping');
          process.exit(1);
        },
      );
    });
  }
}

if (require.main === module) {
  runServer().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
