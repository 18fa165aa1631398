/** Turns class-validator's error tree into field violations with readable paths (`credentials[1].name`). */
import type { ValidationError } from 'class-validator';
import type { FieldViolation } from '@keyring/domain';
import { problem, ProblemException } from './problem-details';

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

export function validationProblem(violations: readonly FieldViolation[]): ProblemException {
  const fields = [...new Set(violations.map((violation) => violation.field))].join(', ');
  return new ProblemException(
    problem(400, 'VALIDATION_FAILED', 'The request is not valid', `Invalid fields: ${fields}`, violations),
  );
}

export const exceptionFactory = (errors: ValidationError[]): ProblemException =>
  validationProblem(flattenValidationErrors(errors));
