/**
 * load → decide → append for API users, as CredentialCommandRunner is for
 * credentials: the stream's revision is the expected revision (NO_STREAM for
 * a new username, which makes usernames unique), and a concurrent append
 * means reload and decide again. API users are few and their streams short
 * (uses are folded), so there is no cache or snapshot.
 */
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type ApiUserCommand,
  type ApiUserEvent,
  type ApiUserState,
  apiUserStreamName,
  decideApiUser,
  evolveApiUser,
  initialApiUserState,
  Refusal,
} from '@keyring/domain';
import {
  ANY,
  EVENT_STORE,
  type EventStore,
  type GlobalPosition,
  isWrongExpectedRevision,
  NO_STREAM,
  type StreamRevision,
} from '@keyring/event-store';
import { appendRetryingUnknownOutcome } from '../credential-store/append-retrying-unknown-outcome';
import { MAX_COMMAND_ATTEMPTS } from '../credential-store/credential-command-runner';
import { fromRecordedApiUserEvent, toNewEvent } from '../credential-store/event-envelope';
import { KeyedSerialQueue } from '../credential-store/keyed-serial-queue';
import { ReadYourWrites } from '../credential-store/read-your-writes';
import { CLOCK, type Clock } from '../platform/clock/clock';
import type { CommandContext } from '../platform/context/command-context';

export interface LoadedApiUser {
  readonly state: ApiUserState;
  readonly revision: StreamRevision | null;
}

export interface ApiUserResult extends LoadedApiUser {
  readonly events: readonly ApiUserEvent[];
  readonly position: GlobalPosition | null;
}

@Injectable()
export class ApiUserRunner {
  private readonly queue = new KeyedSerialQueue();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async load(username: string): Promise<LoadedApiUser> {
    const recorded = await this.store.readStream(apiUserStreamName(username), { fromRevision: 0 });
    const state = recorded.map(fromRecordedApiUserEvent).reduce(evolveApiUser, initialApiUserState());
    return { state, revision: recorded.length === 0 ? null : recorded[recorded.length - 1].revision };
  }

  /**
   * Runs `command`; `check` sees the loaded state first (the caller's reach).
   * Records of what happened to a user (uses, refusals) change nothing a
   * decision rests on, so `anyRevision` appends them without the check.
   */
  async run(
    username: string,
    command: ApiUserCommand,
    context: CommandContext,
    check: (state: ApiUserState) => void = () => {},
    anyRevision = false,
  ): Promise<ApiUserResult> {
    const result = await this.queue.run(username, () =>
      this.decideAndAppend(username, command, context, check, anyRevision),
    );
    await this.readYourWrites.settle(context, result.position);
    return result;
  }

  private async decideAndAppend(
    username: string,
    command: ApiUserCommand,
    context: CommandContext,
    check: (state: ApiUserState) => void,
    anyRevision: boolean,
  ): Promise<ApiUserResult> {
    const causationId = randomUUID();
    for (let attempt = 1; attempt <= MAX_COMMAND_ATTEMPTS; attempt++) {
      // 1. Load, and refuse what the caller may not touch.
      const loaded = await this.load(username);
      check(loaded.state);
      // 2. Decide, with time passed in; a refusal is thrown and nothing is appended.
      const now = this.clock();
      const events = decideApiUser(command, loaded.state, now);
      if (events.length === 0) return { ...loaded, events, position: null };
      // 3. Append, expecting the revision the decision was made on.
      const newEvents = events.map((event) => toNewEvent(event, context, causationId, now));
      const expected = anyRevision ? ANY : (loaded.revision ?? NO_STREAM);
      try {
        const appended = await appendRetryingUnknownOutcome(
          this.store,
          apiUserStreamName(username),
          newEvents,
          expected,
        );
        return {
          state: events.reduce(evolveApiUser, loaded.state),
          revision: appended.nextExpectedRevision,
          events,
          position: appended.position,
        };
      } catch (error) {
        if (!isWrongExpectedRevision(error)) throw error;
      }
    }
    throw new Refusal(
      'CONCURRENCY_CONFLICT',
      `API user ${username} is being changed by many requests at once; retry the request`,
      { retryAfterSeconds: 1 },
    );
  }
}
