import { registerDecorator, type ValidationOptions } from 'class-validator';
import * as ipaddr from 'ipaddr.js';

/**
 * Parses as an IPv4/IPv6 address or CIDR block. Finer rules (host bits set,
 * duplicates after normalising) are the domain's, which explains them better.
 */
export function IsIpOrCidr(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIpOrCidr',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'each value in $property must be an IPv4/IPv6 address or CIDR block', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && (ipaddr.isValid(value) || ipaddr.isValidCIDR(value)),
      },
    });
}
