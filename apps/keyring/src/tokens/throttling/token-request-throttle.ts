/**
 * The token endpoints' rate limits, in memory: failed client
 * authentications per source address, across every client id (credential
 * spraying), and tokens issued per credential (an issue/revoke loop). Each
 * past its limit is a 429 with Retry-After. Nothing here locks a credential:
 * its owner, from another address, is never refused for an attacker's failures.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Refusal } from '@keyring/domain';
import { KEYRING_CONFIG, type KeyringConfig } from '../../platform/config/keyring-config';
import { tokenIssueRateExceeded, tooManyFailedRequests } from '../grant-refusals';
import { FixedWindowCounter } from './fixed-window-counter';
import { throttledAddress } from './throttled-address';

@Injectable()
export class TokenRequestThrottle {
  private readonly failures: FixedWindowCounter;
  private readonly issues: FixedWindowCounter;
  private readonly issueLimit: number;
  private readonly issueWindowSeconds: number;

  constructor(@Inject(KEYRING_CONFIG) config: KeyringConfig) {
    const { throttling } = config;
    this.failures = new FixedWindowCounter(
      throttling.failedRequestLimit,
      throttling.refusalWindowSeconds * 1000,
      throttling.tableSize,
    );
    this.issueLimit = throttling.tokenIssueLimit;
    this.issueWindowSeconds = throttling.tokenIssueWindowSeconds;
    this.issues = new FixedWindowCounter(
      this.issueLimit,
      this.issueWindowSeconds * 1000,
      throttling.tableSize,
    );
  }

  /** The refusal for an address that failed too often lately; null when it may try. */
  failedRequestsRefusal(sourceIp: string, now: Date): Refusal | null {
    const retryAfter = this.failures.secondsUntilBelowLimit(throttledAddress(sourceIp), now.getTime());
    return retryAfter === null ? null : tooManyFailedRequests(retryAfter);
  }

  /** Counts a failed client authentication from `sourceIp`, whatever client id it named. */
  failed(sourceIp: string, now: Date): void {
    this.failures.add(throttledAddress(sourceIp), now.getTime());
  }

  /**
   * The refusal for a credential that was issued its limit of tokens lately;
   * null when it may have another. Requests already on their way may still
   * pass, so a burst can exceed the limit by its own size, never a loop.
   */
  issueRateRefusal(clientId: string, now: Date): Refusal | null {
    const retryAfter = this.issues.secondsUntilBelowLimit(clientId, now.getTime());
    return retryAfter === null
      ? null
      : tokenIssueRateExceeded(this.issueLimit, this.issueWindowSeconds, retryAfter);
  }

  /** Counts a token issued to a credential. */
  issued(clientId: string, now: Date): void {
    this.issues.add(clientId, now.getTime());
  }
}
