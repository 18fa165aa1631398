/** Route ids: anything but one of our UUIDs names nothing, so it is answered as not found without a store read. */
import { Injectable, type PipeTransform } from '@nestjs/common';
import { parseClientId, parseJti, parseSecretId } from '@keyring/domain';

@Injectable()
export class ClientIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    return parseClientId(value);
  }
}

@Injectable()
export class SecretIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    return parseSecretId(value);
  }
}

@Injectable()
export class JtiPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    return parseJti(value);
  }
}
