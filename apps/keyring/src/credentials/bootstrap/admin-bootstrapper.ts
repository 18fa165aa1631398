/**
 * Creates the first admin credential through the command layer, so it is an
 * ordinary credential with an ordinary audit record. Refuses while an active
 * admin credential exists, unless forced: a second bootstrap is usually a
 * mistake, and a forgotten admin secret is better fixed by revoking.
 */
import * as os from 'node:os';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@keyring/event-store';
import { UNLIMITED_REACH } from '@keyring/domain';
import { KEYRING_CONFIG, type KeyringConfig } from '../../platform/config/keyring-config';
import { CreateCredentialCommand } from '../create-credential.command';
import type { CommandContext } from '../../platform/context/command-context';
import { activeAdminCredentials } from './active-admin-credentials';

export interface BootstrapOptions {
  readonly accounts: readonly string[];
  readonly force: boolean;
}

export interface BootstrappedAdmin {
  readonly clientId: string;
  /** Shown once to the operator; never stored. */
  readonly clientSecret: string;
  readonly secretExpiresAt: string;
}

export class AdminAlreadyExistsError extends Error {
  constructor(readonly clientIds: readonly string[]) {
    super(
      `An active admin credential already exists (${clientIds.join(', ')}); ` +
        'use it to create more, or pass --force to create another anyway',
    );
    this.name = 'AdminAlreadyExistsError';
  }
}

@Injectable()
export class AdminBootstrapper {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
  ) {}

  async bootstrap({ accounts, force }: BootstrapOptions): Promise<BootstrappedAdmin> {
    if (!force) {
      const existing = await activeAdminCredentials(this.store, this.config.adminRole);
      if (existing.length > 0) throw new AdminAlreadyExistsError(existing);
    }
    const created = await this.commands.execute(
      new CreateCredentialCommand(
        {
          name: 'Keyring administrator',
          description: 'Created by bootstrap-admin',
          environment: 'production',
          accounts,
          roles: [this.config.adminRole],
        },
        this.cliContext(),
      ),
    );
    return {
      clientId: created.credential.clientId,
      clientSecret: created.secret.clientSecret,
      secretExpiresAt: created.secret.expiresAt,
    };
  }

  private cliContext(): CommandContext {
    const requestId = `cli-${process.pid}-${Date.now()}`;
    return {
      actor: { type: 'cli', id: operatorName(), onBehalfOf: null },
      requestId,
      sourceIp: 'local',
      correlationId: requestId,
      reach: UNLIMITED_REACH,
    };
  }
}

function operatorName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
