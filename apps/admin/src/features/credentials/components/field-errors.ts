import type { FieldViolation } from '../../../lib/api-error';

/**
 * The API's field violations for one form, by field: `allowedIps[0]` belongs to `allowedIps`, and in a
 * batch `credentials[2].name` to the third form's `name`.
 */
export function fieldErrors(violations: readonly FieldViolation[], item?: number): Record<string, string> {
  const prefix = item === undefined ? '' : `credentials[${item}].`;
  const errors: Record<string, string> = {};
  for (const { field, message } of violations) {
    if (!field.startsWith(prefix)) continue;
    const name = field.slice(prefix.length).replace(/[[.].*$/, '');
    errors[name] ??= message;
  }
  return errors;
}
