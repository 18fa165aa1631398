/**
 * Makes the validated KeyringConfig available through @nestjs/config and as
 * the KEYRING_CONFIG token. Parsing happens before the app is built, in
 * main.ts, so a bad variable stops the process with a readable message.
 */
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { CLOCK, type Clock } from '../clock/clock';
import { KEYRING_CONFIG, type KeyringConfig } from './keyring-config';

@Global()
@Module({})
export class KeyringConfigModule {
  /** `clock`, when given, is the global CLOCK, which modules find before ClockModule's system clock (end-to-end tests of time rules). */
  static forRoot(config: KeyringConfig, clock?: Clock): DynamicModule {
    return {
      module: KeyringConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ keyring: config })] })],
      providers: [
        {
          provide: KEYRING_CONFIG,
          inject: [ConfigService],
          useFactory: (configService: ConfigService) => configService.getOrThrow<KeyringConfig>('keyring'),
        },
        ...(clock === undefined ? [] : [{ provide: CLOCK, useValue: clock }]),
      ],
      exports: [KEYRING_CONFIG, ...(clock === undefined ? [] : [CLOCK])],
    };
  }
}
