import { Module } from '@nestjs/common';
import { CLOCK, CLOCK_OVERRIDE, type Clock, systemClock } from './clock';

@Module({
  providers: [
    {
      provide: CLOCK,
      inject: [{ token: CLOCK_OVERRIDE, optional: true }],
      useFactory: (override?: Clock): Clock => override ?? systemClock,
    },
  ],
  exports: [CLOCK],
})
export class ClockModule {}
