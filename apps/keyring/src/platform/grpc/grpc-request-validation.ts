/**
 * gRPC requests pass the same class-validator rules as REST bodies and
 * query strings (the DTO classes are shared); violations name the proto
 * fields (`credential.allowed_ips[0]`) so a caller can find them.
 */
import { type ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FieldViolation } from '@keyring/domain';
import { flattenValidationErrors, invalidFields } from '../http/validation-problems';

/** Domain names that differ from the contract's, beyond camelCase → snake_case. */
const PROTO_NAMES: Readonly<Record<string, string>> = { secretLifetimeDays: 'secret_expires_in_days' };

const snakeCase = (name: string): string =>
  PROTO_NAMES[name] ?? name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** `credentials[1].allowedIps[0]` → `credentials[1].allowed_ips[0]`, under an optional parent message. */
export function protoFieldPath(path: string, parent = ''): string {
  const converted = path.replace(/[A-Za-z][A-Za-z0-9]*/g, snakeCase);
  if (!parent) return converted;
  return converted ? `${parent}.${converted}` : parent;
}

export const inProtoTerms = (violations: readonly FieldViolation[], parent = ''): FieldViolation[] =>
  violations.map(({ field, message }) => ({ field: protoFieldPath(field, parent), message }));

/** The request as a validated DTO, or INVALID_ARGUMENT naming every bad field. */
export function validated<T extends object>(dto: ClassConstructor<T>, plain: object, parent = ''): T {
  const instance = plainToInstance(dto, plain);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
  });
  if (errors.length > 0) throw invalidFields(inProtoTerms(flattenValidationErrors(errors), parent));
  return instance;
}
