/** One ProjectionProgress per process: the projector moves it, read-your-writes and streams wait on it. */
import { Module } from '@nestjs/common';
import { ProjectionProgress } from './projection-progress';

@Module({
  providers: [{ provide: ProjectionProgress, useFactory: () => new ProjectionProgress() }],
  exports: [ProjectionProgress],
})
export class ProgressModule {}
