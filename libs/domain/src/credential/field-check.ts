/**
 * The shape every field rule shares, and the one list rule that accounts,
 * roles, apis and allowedIps all follow: a size range, a check per item, and
 * each value once (compared after the item check normalises it).
 */
import type { FieldViolation } from '../refusal/refusal';
import { quoted } from './echo';

export interface FieldCheck<Value> {
  readonly value: Value;
  readonly violations: readonly FieldViolation[];
}

/** One list item: its normalised value, or why it is refused. */
export type ItemCheck = { readonly value: string } | { readonly problem: string };

export interface ListRule {
  readonly field: string;
  readonly min: number;
  readonly max: number;
  /** What the list holds, e.g. "account IDs". */
  readonly items: string;
  readonly tooFew?: string;
  readonly checkItem: (item: string) => ItemCheck;
}

// Quotes a caller's value in a message: cut short, printable, and never a client secret.
export { quoted } from './echo';

export const fine = <Value>(value: Value): FieldCheck<Value> => ({ value, violations: [] });

export const refused = <Value>(value: Value, field: string, message: string): FieldCheck<Value> => ({
  value,
  violations: [{ field, message }],
});

export const matching =
  (pattern: RegExp, explanation: string) =>
  (item: string): ItemCheck =>
    pattern.test(item) ? { value: item } : { problem: `${quoted(item)} ${explanation}` };

export function checkList(value: unknown, rule: ListRule): FieldCheck<string[]> {
  const { field, min, max, items } = rule;
  if (!Array.isArray(value)) return refused([], field, `${field} must be a list of ${min}–${max} ${items}`);
  const violations: FieldViolation[] = [];
  if (value.length < min) {
    violations.push({ field, message: rule.tooFew ?? `${field} needs at least ${min} ${items}` });
  }
  if (value.length > max) {
    violations.push({ field, message: `${field} holds at most ${max} ${items} (got ${value.length})` });
  }
  const firstIndexOf = new Map<string, number>();
  for (const [index, item] of (value as unknown[]).entries()) {
    const path = `${field}[${index}]`;
    const checked: ItemCheck =
      typeof item === 'string' ? rule.checkItem(item) : { problem: `each of ${field} must be text` };
    if ('problem' in checked) {
      violations.push({ field: path, message: checked.problem });
      continue;
    }
    const first = firstIndexOf.get(checked.value);
    if (first === undefined) {
      firstIndexOf.set(checked.value, index);
    } else {
      const message = `${quoted(item as string)} repeats ${field}[${first}]; list each value once`;
      violations.push({ field: path, message });
    }
  }
  return { value: [...firstIndexOf.keys()], violations };
}

/** One check per field of `Fields`, each taking whatever the caller sent. */
export type FieldCheckers<Fields> = {
  readonly [Field in keyof Fields]-?: (value: unknown) => FieldCheck<Fields[Field]>;
};

/** Checks `fields` of `input`: every checked value, and every problem in the order of `fields`. */
export function checkFields<Fields, Field extends keyof Fields & string>(
  checkers: FieldCheckers<Fields>,
  input: Readonly<Record<string, unknown>>,
  fields: readonly Field[],
): FieldCheck<Pick<Fields, Field>> {
  const checks = fields.map((field) => [field, checkers[field](input[field])] as const);
  return {
    value: Object.fromEntries(checks.map(([field, check]) => [field, check.value])) as Pick<Fields, Field>,
    violations: checks.flatMap(([, check]) => check.violations),
  };
}
