/**
 * What a parsed JSON body may look like before anything else reads it.
 * class-transformer walks a body recursively, so a body nested thousands of
 * levels deep overflows its stack, and a key named `constructor` inside a
 * field breaks its metadata lookup: both answered 500. No request of ours
 * nests deeper than a few levels or names those keys, so both are refused
 * here, by a walk that keeps its own stack and cannot overflow.
 */
import { type FieldViolation, Refusal } from '@keyring/domain';
import { invalidFields } from './validation-problems';

export const MAX_JSON_DEPTH = 32;

/** Keys that reach an object's prototype when code copies or merges by name. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const jsonTooDeep = (): Refusal<'MALFORMED_BODY'> =>
  new Refusal('MALFORMED_BODY', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`);

interface Visit {
  readonly value: unknown;
  /** How many objects and arrays enclose this value, itself included. */
  readonly depth: number;
  readonly path: string;
}

const childPath = (parent: string, key: string, inArray: boolean): string =>
  inArray ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/** The refusal for a body too deep or naming a prototype key, or undefined for a body of the right shape. */
export function jsonShapeRefusal(body: unknown): Refusal | undefined {
  const violations: FieldViolation[] = [];
  const pending: Visit[] = [{ value: body, depth: 1, path: '' }];
  while (pending.length > 0) {
    const { value, depth, path } = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_JSON_DEPTH) return jsonTooDeep();
    const inArray = Array.isArray(value);
    for (const key of Object.keys(value)) {
      const field = childPath(path, key, inArray);
      if (!inArray && PROTOTYPE_KEYS.has(key)) {
        violations.push({ field, message: `property ${key} is not allowed` });
        continue;
      }
      pending.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: field });
    }
  }
  return violations.length > 0 ? invalidFields(violations) : undefined;
}
