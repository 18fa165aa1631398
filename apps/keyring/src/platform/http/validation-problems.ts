/** Turns class-validator's error tree into field violations with readable paths (`credentials[1].name`). */
import type { ValidationError } from 'class-validator';
import { type FieldViolation, Refusal } from '@keyring/domain';

export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** A request whose fields break the edge's rules, REST or gRPC, naming every bad field. */
export function invalidFields(violations: readonly FieldViolation[]): Refusal<'VALIDATION_FAILED'> {
  const fields = [...new Set(violations.map((violation) => violation.field))].join(', ');
  return new Refusal('VALIDATION_FAILED', `Invalid fields: ${fields}`, { violations });
}

export const exceptionFactory = (errors: ValidationError[]): Refusal =>
  invalidFields(flattenValidationErrors(errors));
