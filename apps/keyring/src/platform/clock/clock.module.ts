import { Module } from '@nestjs/common';
import { CLOCK, systemClock } from './clock';

@Module({ providers: [{ provide: CLOCK, useValue: systemClock }], exports: [CLOCK] })
export class ClockModule {}
