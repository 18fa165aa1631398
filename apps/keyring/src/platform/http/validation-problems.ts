/** Turns class-validator's error tree into field violations with readable paths (`credentials[1].name`). */
import type { ValidationError } from 'class-validator';
import { excerpt, type FieldViolation, Refusal } from '@keyring/domain';

/**
 * A property the caller named (an unknown key is echoed as "property … should
 * not exist"), as a short excerpt that is never a secret sent as a key.
 */
function shownProperty(error: ValidationError): {
  readonly property: string;
  readonly reword: (message: string) => string;
} {
  const property = excerpt(error.property);
  if (property === error.property) return { property, reword: (message) => message };
  return { property, reword: (message) => message.split(error.property).join(property) };
}

export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const { property, reword } = shownProperty(error);
    const field = /^\d+$/.test(property)
      ? `${parent}[${property}]`
      : parent
        ? `${parent}.${property}`
        : property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: reword(message),
    }));
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
