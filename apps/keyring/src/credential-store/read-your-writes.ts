/** Holds a command's answer until the read models include what it appended, within a bound. */
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { GlobalPosition } from '@keyring/event-store';
import { KEYRING_CONFIG, type KeyringConfig } from '../platform/config/keyring-config';
import { ProjectionProgress } from '../platform/progress/projection-progress';
import type { CommandContext } from '../platform/context/command-context';

@Injectable()
export class ReadYourWrites {
  private readonly logger = new Logger(ReadYourWrites.name);

  constructor(
    private readonly progress: ProjectionProgress,
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
  ) {}

  /** Waits when the context asks for it; past the bound it answers anyway, and says so in the log. */
  async settle(context: CommandContext, position: GlobalPosition | null): Promise<void> {
    if (!context.readYourWrites || position === null) return;
    const timeoutMs = this.config.readModels.consistencyWaitMs;
    if (await this.progress.waitFor(position, timeoutMs)) return;
    this.logger.warn(
      `Read models had not reached position ${position} after ${timeoutMs} ms; answering request ${context.requestId} without waiting longer`,
    );
  }
}
