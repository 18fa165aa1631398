/**
 * The public port's health: liveness says the process answers, readiness
 * that it can serve (its event store answers and its projector runs). Only
 * the status: the detailed report (the event store's head, the projector's
 * checkpoint and lag) moves with every request, even a refused one, so it is
 * served on the management listener alone.
 */
import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Readiness } from './readiness';

export interface HealthStatus {
  readonly status: 'ok' | 'error';
}

const statusSchema = (status: HealthStatus['status']) => ({
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: [status] } },
});

@Controller('health')
@ApiTags('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ description: 'The process answers', schema: statusSchema('ok') })
  live(): HealthStatus {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: the event store answers and the projector runs',
    description: 'Status only; the detailed report is on the management listener (MANAGEMENT_PORT).',
  })
  @ApiOkResponse({ description: 'Ready to serve', schema: statusSchema('ok') })
  @ApiServiceUnavailableResponse({ description: 'Not ready', schema: statusSchema('error') })
  async ready(): Promise<HealthStatus> {
    if (await this.readiness.isReady()) return { status: 'ok' };
    // The problem-details filter answers a health path's 503 with this body as it is.
    throw new ServiceUnavailableException({ status: 'error' } satisfies HealthStatus);
  }
}
