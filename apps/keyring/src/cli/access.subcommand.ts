/** `access`: which credentials could obtain a token for an account at an instant, replayed from events. */
import { type AccessAtInstant, PointInTimeAccess } from '../audit/point-in-time/point-in-time-access';
import { UNLIMITED_REACH } from '@keyring/domain';
import type { KeyringConfig } from '../platform/config/keyring-config';
import { printLine } from './cli-output';
import { withEventStore } from './keyring-files';

export interface AccessRequest {
  readonly account: string;
  /** ISO-8601 instant. */
  readonly at: string;
  readonly json: boolean;
}

const listOrNone = (values: readonly string[], none: string): string =>
  values.length > 0 ? values.join(', ') : none;

export function describeAccess(access: AccessAtInstant): string[] {
  const count = access.credentials.length;
  if (count === 0)
    return [`No credential could obtain a token for account ${access.account} at ${access.at}.`];
  const lines = [
    `${count} credential${count === 1 ? '' : 's'} could obtain a token for account ${access.account} at ${access.at}:`,
  ];
  for (const credential of access.credentials) {
    lines.push(
      '',
      `${credential.name}  (client ID ${credential.clientId})`,
      `  environment:  ${credential.environment}`,
      `  accounts:     ${listOrNone(credential.accounts, '-')}`,
      `  roles:        ${listOrNone(credential.roles, '-')}`,
      `  apis:         ${listOrNone(credential.apis, '-')}`,
      // An empty list places no restriction on the caller's address.
      `  allowed IPs:  ${listOrNone(credential.allowedIps, 'any address')}`,
      `  secrets:`,
      ...credential.secrets.map(
        (secret) =>
          `    ${secret.secretId}  ${secret.hint}  created ${secret.createdAt}  expires ${secret.expiresAt}`,
      ),
    );
  }
  return lines;
}

export async function runAccess(config: KeyringConfig, request: AccessRequest): Promise<number> {
  const access = await withEventStore(config, (store) =>
    new PointInTimeAccess(store).accessAt(request.account, new Date(request.at), UNLIMITED_REACH),
  );
  if (request.json) printLine(JSON.stringify(access));
  else describeAccess(access).forEach(printLine);
  return 0;
}
