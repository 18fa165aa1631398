/**
 * Given/when/then for the credential decider, after Emmett's
 * DeciderSpecification: given past events, when a command arrives at a fixed
 * moment, then these events are recorded, or this refusal, or nothing.
 */
import type { CredentialRefusalCode } from '../refusal/refusal-code';
import type { CredentialCommand } from '../credential/commands';
import { decide } from '../credential/decide';
import type { CredentialRefusal, Decision } from '../credential/decision';
import type { CredentialEvent, TokenRequestRefused } from '../credential/events';
import { fold } from '../credential/evolve';
import { type CredentialPolicy, DEFAULT_POLICY } from '../credential/policy';
import { NOW } from './credential-fixtures';

/** Inspects a refusal further, with what it records; return false (or fail an expectation) to fail. */
type RefusalCheck = (refusal: CredentialRefusal, recorded: readonly TokenRequestRefused[]) => boolean | void;

export interface Outcome {
  /** The command is accepted and records exactly `expected`. */
  then(expected: readonly CredentialEvent[]): void;
  /** The command is refused with `code`, whatever it records; `predicate` may look further. */
  thenThrows(code: CredentialRefusalCode, predicate?: RefusalCheck): CredentialRefusal;
  /** The command is refused with `code` and records exactly `expected` (a refused token request). */
  thenRecordsAndRefuses(
    expected: readonly CredentialEvent[],
    code: CredentialRefusalCode,
    predicate?: RefusalCheck,
  ): CredentialRefusal;
  /** The command is accepted and records nothing. */
  thenNothing(): void;
}

const describeDecision = ({ events, refusal }: Decision): string =>
  refusal
    ? `refusal ${refusal.code}: ${refusal.message}`
    : `events ${JSON.stringify(events.map((event) => event.type))}`;

export function given(events: readonly CredentialEvent[], policy: CredentialPolicy = DEFAULT_POLICY) {
  return {
    when(command: CredentialCommand, now: Date = NOW): Outcome {
      const decision = decide(command, fold(events), now, policy);
      const accepted = (): CredentialEvent[] => {
        if (decision.refusal)
          throw new Error(`Expected the command to be accepted, got ${describeDecision(decision)}`);
        return decision.events;
      };
      const refused: Outcome['thenThrows'] = (code, predicate) => {
        if (!decision.refusal) throw new Error(`Expected refusal ${code}, got ${describeDecision(decision)}`);
        const { refusal, events: recorded } = decision;
        expect(refusal.code).toBe(code);
        if (predicate && predicate(refusal, recorded) === false) {
          throw new Error(`Refusal ${code} did not satisfy the predicate: ${refusal.message}`);
        }
        return refusal;
      };
      return {
        then: (expected) => expect(accepted()).toEqual(expected),
        thenNothing: () => expect(accepted()).toEqual([]),
        thenThrows: refused,
        thenRecordsAndRefuses(expected, code, predicate) {
          const refusal = refused(code, predicate);
          expect(decision.events).toEqual(expected);
          return refusal;
        },
      };
    },
  };
}
