/**
 * Makes the validated KeyringConfig available through @nestjs/config and as
 * the KEYRING_CONFIG token. Parsing happens before the app is built, in
 * main.ts, so a bad variable stops the process with a readable message.
 */
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { KEYRING_CONFIG, type KeyringConfig } from './keyring-config';

@Global()
@Module({})
export class KeyringConfigModule {
  static forRoot(config: KeyringConfig): DynamicModule {
    return {
      module: KeyringConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ keyring: config })] })],
      providers: [
        {
          provide: KEYRING_CONFIG,
          inject: [ConfigService],
          useFactory: (configService: ConfigService) => configService.getOrThrow<KeyringConfig>('keyring'),
        },
      ],
      exports: [KEYRING_CONFIG],
    };
  }
}
