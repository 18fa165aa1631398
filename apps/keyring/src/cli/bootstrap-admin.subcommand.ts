/**
 * `bootstrap-admin`: runs the service's own modules, so the new credential
 * goes through the command layer and lands in the audit trail like any request.
 */
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { AppModule } from '../app.module';
import {
  AdminAlreadyExistsError,
  AdminBootstrapper,
  type BootstrappedAdmin,
} from '../credentials/bootstrap/admin-bootstrapper';
import type { KeyringConfig } from '../platform/config/keyring-config';
import { printLine } from './cli-output';

export interface BootstrapAdminRequest {
  readonly accounts: string[];
  readonly json: boolean;
  readonly force: boolean;
}

/** Exit status when an active admin credential exists and --force was not given. */
const ADMIN_EXISTS_STATUS = 3;

async function createAdmin(
  config: KeyringConfig,
  request: BootstrapAdminRequest,
): Promise<BootstrappedAdmin> {
  // Logs go to stderr so that stdout carries only the result.
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(config, { logDestination: pino.destination({ dest: 2, sync: true }) }),
    { bufferLogs: true },
  );
  try {
    return await app.get(AdminBootstrapper).bootstrap(request);
  } finally {
    await app.close();
  }
}

export async function runBootstrapAdmin(
  config: KeyringConfig,
  request: BootstrapAdminRequest,
): Promise<number> {
  let admin: BootstrappedAdmin;
  try {
    admin = await createAdmin(config, request);
  } catch (error) {
    if (!(error instanceof AdminAlreadyExistsError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return ADMIN_EXISTS_STATUS;
  }
  if (request.json) {
    printLine(JSON.stringify({ clientId: admin.clientId, clientSecret: admin.clientSecret }));
    return 0;
  }
  printLine('Admin credential created. Its secret is shown only now: store it in your secret manager.');
  printLine(`  client ID:      ${admin.clientId}`);
  printLine(`  client secret:  ${admin.clientSecret}`);
  printLine(`  secret expires: ${admin.secretExpiresAt}`);
  printLine('Get an access token with:');
  printLine(
    `  curl -s -u "${admin.clientId}:<client secret>" -d grant_type=client_credentials ${config.tokens.issuer}/oauth2/token`,
  );
  return 0;
}
