/** `GET /metrics` in the Prometheus text format. Unauthenticated, as scrapers expect: keep it off the public edge. */
import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { KeyringMetrics } from './keyring-metrics';

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: KeyringMetrics) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format 0.0.4)' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' } })
  async scrape(@Res() response: Response): Promise<void> {
    const { contentType, body } = await this.metrics.exposition();
    // Exactly the registry's content type (Express's type() would add a charset parameter).
    response.status(200).setHeader('Content-Type', contentType).end(body);
  }
}
