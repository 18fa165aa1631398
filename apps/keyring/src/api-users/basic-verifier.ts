/**
 * Verifies an HTTP Basic `Authorization` value for the resource servers
 * behind Keyring until Basic is retired. The answer reads like token
 * introspection: who it is, or `{active: false}`, the same for an unknown
 * user, a wrong password and a disabled user, after the same slow hash. Only
 * the retirement says why. Wrong passwords are throttled per (username,
 * address); uses and refusals are recorded on the user's stream, folded and
 * bounded so that Basic traffic cannot flood it.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  authenticateBasic,
  BASIC_USE_RECORD_INTERVAL_MS,
  type BasicRefusalReason,
  Refusal,
  USERNAME_PATTERN,
} from '@keyring/domain';
import { CLOCK, type Clock } from '../platform/clock/clock';
import { KEYRING_CONFIG, type KeyringConfig } from '../platform/config/keyring-config';
import type { CommandContext } from '../platform/context/command-context';
import { FixedWindowCounter } from '../tokens/throttling/fixed-window-counter';
import { ApiUserRunner } from './api-user-runner';
import { PasswordHasher } from './password-hasher';

export type BasicVerification =
  | {
      readonly active: true;
      readonly username: string;
      readonly accounts: readonly string[];
      readonly roles: readonly string[];
    }
  | { readonly active: false; readonly reason?: 'basic_auth_retired' };

/** Wrong passwords per (username, address) and window before the throttle answers 429. */
export const FAILED_BASIC_LIMIT = 10;

interface PendingUses {
  count: number;
  firstUsedAt: string;
  lastRecordAttempt: number;
}

/** `Basic base64(username:password)`, or null when the value is not one. */
export function parseBasic(authorization: string): { username: string; password: string } | null {
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(authorization.trim());
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

@Injectable()
export class BasicVerifier {
  private readonly logger = new Logger(BasicVerifier.name);
  private readonly failures: FixedWindowCounter;
  private readonly refusalRecords: FixedWindowCounter;
  private readonly windowMs: number;
  private readonly uses = new Map<string, PendingUses>();

  constructor(
    private readonly runner: ApiUserRunner,
    private readonly hasher: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
  ) {
    const { refusalWindowSeconds, refusalRecordLimit, tableSize } = config.throttling;
    this.windowMs = refusalWindowSeconds * 1000;
    this.failures = new FixedWindowCounter(FAILED_BASIC_LIMIT, this.windowMs, tableSize);
    this.refusalRecords = new FixedWindowCounter(refusalRecordLimit, this.windowMs, tableSize);
  }

  async verify(authorization: string, context: CommandContext): Promise<BasicVerification> {
    const credentials = parseBasic(authorization);
    const username = credentials?.username ?? '';
    const throttleKey = `${username}\n${context.sourceIp}`;
    const retryAfter = this.failures.secondsUntilBelowLimit(throttleKey, this.clock().getTime());
    if (retryAfter !== null) {
      throw new Refusal(
        'TOO_MANY_FAILED_REQUESTS',
        `Too many failed Basic authentications for this username from ${context.sourceIp}; retry after ${retryAfter} s`,
        { retryAfterSeconds: retryAfter },
      );
    }
    const known = credentials !== null && USERNAME_PATTERN.test(username);
    const { state } = known ? await this.runner.load(username) : { state: { status: 'absent' as const } };
    const stored = state.status === 'active' || state.status === 'disabled' ? state.passwordHash : null;
    // Always the same slow hash: a missing user is checked against a dummy one.
    const matches = await this.hasher.verify(credentials?.password ?? '', stored);
    const now = this.clock();
    const outcome = authenticateBasic(state, matches, now, this.config.basicAuthRetiresAt);
    if (outcome.active) {
      await this.recordUse(username, context, now);
      return outcome;
    }
    if (outcome.reason === undefined) this.failures.add(throttleKey, now.getTime());
    if (outcome.recorded !== null)
      await this.recordRefusal(username, outcome.recorded, throttleKey, context, now);
    return outcome.reason === undefined ? { active: false } : { active: false, reason: outcome.reason };
  }

  /** Counts the use; records the count at most once a minute (the domain refuses more often). */
  private async recordUse(username: string, context: CommandContext, now: Date): Promise<void> {
    const pending = this.uses.get(username) ?? {
      count: 0,
      firstUsedAt: now.toISOString(),
      lastRecordAttempt: 0,
    };
    pending.count++;
    this.uses.set(username, pending);
    if (now.getTime() - pending.lastRecordAttempt < BASIC_USE_RECORD_INTERVAL_MS) return;
    pending.lastRecordAttempt = now.getTime();
    try {
      const { events } = await this.runner.run(
        username,
        { type: 'RecordBasicUse', count: pending.count, firstUsedAt: pending.firstUsedAt },
        context,
        () => {},
        true,
      );
      if (events.length > 0) this.uses.delete(username);
    } catch (error) {
      // A use that could not be recorded must not turn a good answer into a failure; the count waits.
      this.logger.warn(`Could not record Basic uses of an API user: ${(error as Error).message}`);
    }
  }

  /** The first refusals per (username, address) and window are recorded one each; past that, only throttled. */
  private async recordRefusal(
    username: string,
    reason: BasicRefusalReason,
    throttleKey: string,
    context: CommandContext,
    now: Date,
  ): Promise<void> {
    if (this.refusalRecords.secondsUntilBelowLimit(throttleKey, now.getTime()) !== null) return;
    this.refusalRecords.add(throttleKey, now.getTime());
    try {
      await this.runner.run(
        username,
        { type: 'RecordBasicRefusal', reason, sourceIp: context.sourceIp },
        context,
        () => {},
        true,
      );
    } catch (error) {
      this.logger.warn(`Could not record a refused Basic authentication: ${(error as Error).message}`);
    }
  }
}
