/** The tokens' gRPC edge: `credentials.v1.TokenService`, with the revocation stream. */
import { Module } from '@nestjs/common';
import { MetricsModule } from '../../platform/metrics/metrics.module';
import { ReadModelsModule } from '../../projection/read-models.module';
import { AuthModule } from '../bearer/auth.module';
import { TokensModule } from '../tokens.module';
import { TokenServiceController } from './token-service.controller';

@Module({
  imports: [TokensModule, AuthModule, MetricsModule, ReadModelsModule],
  controllers: [TokenServiceController],
})
export class TokensGrpcModule {}
