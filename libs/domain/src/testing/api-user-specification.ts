/** Given/when/then for the API user decider, as decider-specification.ts is for the credential's. */
import type { ApiUserCommand } from '../api-user/commands';
import { decideApiUser } from '../api-user/decide';
import type { ApiUserEvent } from '../api-user/events';
import { foldApiUser } from '../api-user/evolve';
import { isRefusal } from '../refusal/refusal';
import type { RefusalCode } from '../refusal/refusal-code';
import { NOW } from './credential-fixtures';

export function givenApiUser(events: readonly ApiUserEvent[]) {
  return {
    when(command: ApiUserCommand, now: Date = NOW) {
      const decide = () => decideApiUser(command, foldApiUser(events), now);
      return {
        then: (expected: readonly ApiUserEvent[]) => expect(decide()).toEqual(expected),
        thenNothing: () => expect(decide()).toEqual([]),
        thenThrows(code: RefusalCode) {
          let thrown: unknown;
          try {
            const events = decide();
            throw new Error(
              `Expected refusal ${code}, got events ${JSON.stringify(events.map((e) => e.type))}`,
            );
          } catch (error) {
            thrown = error;
          }
          if (!isRefusal(thrown)) throw thrown;
          expect(thrown.code).toBe(code);
          return thrown;
        },
      };
    },
  };
}
