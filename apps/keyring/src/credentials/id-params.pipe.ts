/**
 * Client and secret ids are UUIDs the service made; anything else names no
 * credential or secret, so it is answered as not found without a store read.
 */
import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@keyring/domain';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class ClientIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID_PATTERN.test(value))
      throw new DomainError('CREDENTIAL_NOT_FOUND', 'No credential with that client id');
    return value.toLowerCase();
  }
}

@Injectable()
export class SecretIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID_PATTERN.test(value)) throw new DomainError('SECRET_NOT_FOUND', 'No secret with that secret id');
    return value.toLowerCase();
  }
}
