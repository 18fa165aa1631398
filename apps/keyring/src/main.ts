import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { ConfigurationError, parseEnvironment } from './platform/config/environment';
import type { KeyringConfig } from './platform/config/keyring-config';
import { createApp } from './create-app';
import { createFilesPrivately } from './platform/persistence/private-files';
import { stopOnSignals } from './platform/lifecycle/stop-on-signals';

function configOrExit(): KeyringConfig {
  try {
    return parseEnvironment(process.env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\nKeyring did not start; fix the variables above and try again.\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  createFilesPrivately();
  const config = configOrExit();
  const app = await createApp(config);
  stopOnSignals(app, config.shutdownTimeoutMs);
  await app.listen(config.port, config.host);
  app
    .get(Logger)
    .log(`Keyring listening on http://${config.host}:${config.port} (data in ${config.dataDir})`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Keyring failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
