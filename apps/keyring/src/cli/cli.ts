/**
 * Keyring's command line: `npm run cli -- <command>`. It runs the same
 * modules as the service against the configured data, so what it does goes
 * through the command layer and lands in the audit trail like any request.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { AppModule } from '../app.module';
import { AdminAlreadyExistsError, AdminBootstrapper } from '../bootstrap/admin-bootstrapper';
import { ConfigurationError, parseEnvironment } from '../config/environment';
import type { KeyringConfig } from '../config/keyring-config';
import { rotateSigningKeys } from '../signing-keys/rotate-signing-keys';
import { type CliCommand, parseCliArguments, USAGE, UsageError } from './cli-arguments';
import { describeError } from './describe-error';

const out = (text: string): void => void process.stdout.write(`${text}\n`);

async function bootstrapAdmin(
  config: KeyringConfig,
  command: Extract<CliCommand, { name: 'bootstrap-admin' }>,
): Promise<void> {
  // Logs go to stderr so that stdout carries only the result.
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(config, { logDestination: pino.destination({ dest: 2, sync: true }) }),
    { bufferLogs: true },
  );
  try {
    const admin = await app.get(AdminBootstrapper).bootstrap(command);
    if (command.json)
      return out(JSON.stringify({ clientId: admin.clientId, clientSecret: admin.clientSecret }));
    out('Admin credential created. Its secret is shown only now: store it in your secret manager.');
    out(`  client ID:      ${admin.clientId}`);
    out(`  client secret:  ${admin.clientSecret}`);
    out(`  secret expires: ${admin.secretExpiresAt}`);
    out('Get an access token with:');
    out(
      `  curl -s -u "${admin.clientId}:<client secret>" -d grant_type=client_credentials ${config.tokens.issuer}/oauth2/token`,
    );
  } finally {
    await app.close();
  }
}

async function rotateKeys(config: KeyringConfig, json: boolean): Promise<void> {
  const { tokens } = config;
  const rotated = await rotateSigningKeys(
    tokens.signingKeysFile,
    tokens.signingAlgorithm,
    new Date(),
    tokens.ttlSeconds,
  );
  if (json) return out(JSON.stringify(rotated));
  out(`New current signing key: ${rotated.kid}`);
  if (rotated.retiredKid) {
    out(`Previous key ${rotated.retiredKid} stays published until the tokens it signed have expired.`);
  }
  out('A running service picks the new key up within a few seconds.');
}

async function run(argv: readonly string[]): Promise<number> {
  const command = parseCliArguments(argv);
  if (command.name === 'help') {
    out(USAGE);
    return 0;
  }
  const config = parseEnvironment({ LOG_LEVEL: 'warn', ...process.env });
  if (command.name === 'bootstrap-admin') await bootstrapAdmin(config, command);
  else await rotateKeys(config, command.json);
  return 0;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${describeError(error)}\n`);
    const usage = error instanceof UsageError || error instanceof ConfigurationError;
    process.exit(usage ? 2 : error instanceof AdminAlreadyExistsError ? 3 : 1);
  },
);
