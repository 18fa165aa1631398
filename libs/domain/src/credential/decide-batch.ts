/**
 * Creating several credentials in one operation (1–10, seed rule). Every
 * item is validated before any is created, and one refusal lists the
 * problems of all items, each under `credentials[i].`.
 */
import type { FieldViolation } from '../refusal/refusal';
import type { CreateCredential } from './commands';
import type { CredentialRefusal } from './decision';
import type { CredentialEvent } from './events';
import { FIELD_LIMITS } from './fields';
import { decide } from './decide';
import { type CredentialPolicy, DEFAULT_POLICY } from './policy';
import { validationFailed } from './refusals';
import { initialCredentialState } from './state';

/** Each credential's events, in the order of the commands; or the one refusal of the whole batch. */
export type BatchDecision =
  | { readonly events: CredentialEvent[][]; readonly refusal: null }
  | { readonly events: []; readonly refusal: CredentialRefusal };

const refusedBatch = (refusal: CredentialRefusal): BatchDecision => ({ events: [], refusal });

export function decideBatch(
  commands: readonly CreateCredential[],
  now: Date,
  policy: CredentialPolicy = DEFAULT_POLICY,
): BatchDecision {
  const { min, max } = FIELD_LIMITS.batch;
  const count = Array.isArray(commands) ? commands.length : 0;
  if (count < min || count > max) {
    const message = `a batch holds ${min} to ${max} credentials (got ${count}); split larger sets into several batches`;
    return refusedBatch(validationFailed('The batch', [{ field: 'credentials', message }]));
  }

  const violations: FieldViolation[] = [];
  const created = commands.map((command, index) => {
    const { events, refusal } = decide(command, initialCredentialState(), now, policy);
    const prefix = `credentials[${index}]`;
    if (refusal) {
      const itemViolations = refusal.details.violations ?? [{ field: '', message: refusal.message }];
      violations.push(
        ...itemViolations.map((item) => ({
          ...item,
          field: item.field ? `${prefix}.${item.field}` : prefix,
        })),
      );
    }
    return events;
  });
  const firstIndexOfClientId = new Map<string, number>();
  commands.forEach(({ clientId }, index) => {
    const first = firstIndexOfClientId.get(clientId);
    if (first === undefined) firstIndexOfClientId.set(clientId, index);
    else {
      const message = `clientId repeats credentials[${first}].clientId; each credential needs its own`;
      violations.push({ field: `credentials[${index}].clientId`, message });
    }
  });
  if (violations.length > 0) return refusedBatch(validationFailed('The batch', violations));
  return { events: created, refusal: null };
}
