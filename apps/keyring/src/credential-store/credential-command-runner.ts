/**
 * The one application service behind every credential command:
 * load → decide → append with the expected revision, retrying on a
 * concurrent append by reloading and deciding again, so the domain's
 * invariants hold under any interleaving of requests and replicas.
 */
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type CredentialCommand,
  type CredentialPolicy,
  type Decision,
  decide,
  Refusal,
  type TokenRequestRefused,
} from '@keyring/domain';
import { ANY, isWrongExpectedRevision } from '@keyring/event-store';
import { requireCommandWithinReach } from './caller-reach';
import { CLOCK, type Clock } from '../platform/clock/clock';
import { CREDENTIAL_POLICY } from './credential-policy.provider';
import type { CommandContext } from '../platform/context/command-context';
import {
  type AppendedCredential,
  CredentialRepository,
  type LoadedCredential,
} from './credential.repository';
import { KeyedSerialQueue } from './keyed-serial-queue';
import { ReadYourWrites } from './read-your-writes';

export const MAX_COMMAND_ATTEMPTS = 8;

/** Too many concurrent writers kept winning the race; the caller may simply retry. */
export const concurrencyConflict = (clientId: string): Refusal<'CONCURRENCY_CONFLICT'> =>
  new Refusal(
    'CONCURRENCY_CONFLICT',
    `Credential ${clientId} is being changed by many requests at once; retry the request`,
    { retryAfterSeconds: 1 },
  );

export type CommandResult = AppendedCredential | (LoadedCredential & { readonly position: null });

export interface RunOptions {
  /**
   * Takes what a refusal records (refused token requests) instead of the
   * runner appending it inside the credential's queue: the caller records it
   * off the request path, throttled.
   */
  readonly recordRefusal?: (records: readonly TokenRequestRefused[]) => void;
  /**
   * The state `decideAhead` just loaded: the first attempt decides on it
   * instead of reading the stream again, unless this process has changed the
   * credential since. The append still expects its revision, so a writer in
   * another process is caught as a conflict and the next attempt reloads.
   */
  readonly loadedAhead?: LoadedCredential;
}

/** What `decideAhead` decided, and the state it decided on. */
export type AheadDecision = Decision & { readonly loaded: LoadedCredential };

@Injectable()
export class CredentialCommandRunner {
  private readonly queue = new KeyedSerialQueue();

  constructor(
    private readonly repository: CredentialRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CREDENTIAL_POLICY) private readonly policy: CredentialPolicy,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** Commands for one credential run one after another in this process; retries cover other processes. */
  async run(
    clientId: string,
    command: CredentialCommand,
    context: CommandContext,
    options: RunOptions = {},
  ): Promise<CommandResult> {
    const result = await this.queue.run(clientId, () =>
      this.decideAndAppend(clientId, command, context, options),
    );
    // Outside the queue: the next command for this credential need not wait for the read models.
    await this.readYourWrites.settle(context, result.position);
    return result;
  }

  /**
   * What `command` would do, decided on the credential's current state
   * without waiting in its queue and without appending anything. A refusal
   * found here can be answered at once, never behind the credential's other
   * commands: an attacker's failed token requests never delay its owner's.
   */
  async decideAhead(
    clientId: string,
    command: CredentialCommand,
    context: CommandContext,
  ): Promise<AheadDecision> {
    const loaded = await this.repository.load(clientId);
    requireCommandWithinReach(context.reach, loaded.state, command);
    return { ...decide(command, loaded.state, this.clock(), this.policy), loaded };
  }

  private async decideAndAppend(
    clientId: string,
    command: CredentialCommand,
    context: CommandContext,
    { recordRefusal, loadedAhead }: RunOptions,
  ): Promise<CommandResult> {
    const causationId = randomUUID();
    for (let attempt = 1; attempt <= MAX_COMMAND_ATTEMPTS; attempt++) {
      // 1. Load the current state (cached, plus any newer events); refuse what the caller may not touch.
      const loaded =
        attempt === 1 && loadedAhead && this.repository.isLatestKnown(clientId, loadedAhead)
          ? loadedAhead
          : await this.repository.load(clientId);
      requireCommandWithinReach(context.reach, loaded.state, command);
      // 2. Decide, with time passed in.
      const now = this.clock();
      const { events, refusal } = decide(command, loaded.state, now, this.policy);
      if (refusal) {
        // 3a. What a refusal records (refused token requests) changes no state, so no revision check.
        if (events.length > 0 && recordRefusal) recordRefusal(events);
        else if (events.length > 0)
          await this.repository.append(clientId, loaded, events, context, causationId, now, ANY);
        throw refusal;
      }
      if (events.length === 0) return { ...loaded, position: null };
      // 3b. Append, expecting the revision the decision was made on.
      try {
        return await this.repository.append(clientId, loaded, events, context, causationId, now);
      } catch (error) {
        // Another writer got there first; the next load reads its events on top of the cached state.
        if (!isWrongExpectedRevision(error)) throw error;
      }
    }
    throw concurrencyConflict(clientId);
  }
}
