/**
 * Given/when/then for the credential decider, after Emmett's
 * DeciderSpecification: given past events, when a command arrives at a fixed
 * moment, then these events are recorded, or this refusal, or nothing.
 */
import type { CredentialCommand } from '../credential/commands';
import { decide } from '../credential/decide';
import { type DomainError, type DomainErrorCode, isDomainError } from '../credential/errors';
import type { CredentialEvent } from '../credential/events';
import { fold } from '../credential/evolve';
import { type CredentialPolicy, DEFAULT_POLICY } from '../credential/policy';
import { NOW } from './credential-fixtures';

export interface Outcome {
  /** The command is accepted and records exactly `expected`. */
  then(expected: readonly CredentialEvent[]): void;
  /** The command is refused with `code`; `predicate` may inspect the error further (return false to fail). */
  thenThrows(code: DomainErrorCode, predicate?: (error: DomainError) => boolean | void): DomainError;
  /** The command is accepted and records nothing. */
  thenNothing(): void;
}

const describeDecision = (decision: CredentialEvent[] | DomainError): string =>
  isDomainError(decision)
    ? `refusal ${decision.code}: ${decision.message}`
    : `events ${JSON.stringify(decision.map((event) => event.type))}`;

export function given(events: readonly CredentialEvent[], policy: CredentialPolicy = DEFAULT_POLICY) {
  return {
    when(command: CredentialCommand, now: Date = NOW): Outcome {
      const decision = decide(command, fold(events), now, policy);
      const accepted = (): CredentialEvent[] => {
        if (isDomainError(decision))
          throw new Error(`Expected the command to be accepted, got ${describeDecision(decision)}`);
        return decision;
      };
      return {
        then: (expected) => expect(accepted()).toEqual(expected),
        thenNothing: () => expect(accepted()).toEqual([]),
        thenThrows(code, predicate) {
          if (!isDomainError(decision))
            throw new Error(`Expected refusal ${code}, got ${describeDecision(decision)}`);
          expect(decision.code).toBe(code);
          if (predicate && predicate(decision) === false) {
            throw new Error(`Refusal ${code} did not satisfy the predicate: ${decision.message}`);
          }
          return decision;
        },
      };
    },
  };
}
