/**
 * Liveness says the process answers; readiness says it can serve: its event
 * store is reachable and its projector is running (with how far behind it is).
 */
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Readiness } from './readiness';

// @HealthCheck() documents the responses itself: Terminus's report, 200 when ok and 503 when not.
@Controller('health')
@ApiTags('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly readiness: Readiness,
  ) {}

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the event store answers and the projector runs' })
  ready() {
    return this.readiness.check();
  }
}
