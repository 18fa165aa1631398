/**
 * Records refused token requests off the request path. A refusal is
 * answered at once and written right after (never awaited: a crash may lose
 * the last moment's refusal records); per (client id, source address) and
 * window the first few are written one event each, the rest are counted and
 * written as one TokenRequestRefusalsCounted event when the window ends, or
 * at graceful shutdown. Writes never pass through the credential's command
 * queue, so a flood of refusals never delays its owner's token requests.
 */
import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import {
  type CredentialEvent,
  type TokenRequestRefused,
  tokenRequestRefusalsCounted,
  UNLIMITED_REACH,
  UUID_PATTERN,
} from '@keyring/domain';
import { ANY } from '@keyring/event-store';
import { CredentialRepository } from '../../credential-store/credential.repository';
import { CLOCK, type Clock } from '../../platform/clock/clock';
import { KEYRING_CONFIG, type KeyringConfig } from '../../platform/config/keyring-config';
import type { CommandContext } from '../../platform/context/command-context';
import { type CountedWindow, RefusalWindows } from './refusal-windows';
import { throttledAddress } from './throttled-address';

/** How often ended windows are looked for, at most: a count is written within this of its window's end. */
const MAX_SWEEP_INTERVAL_MS = 1000;

@Injectable()
export class RefusalRecorder implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(RefusalRecorder.name);
  private readonly windows: RefusalWindows;
  private readonly sweepIntervalMs: number;
  private readonly writing = new Set<Promise<void>>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly repository: CredentialRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYRING_CONFIG) config: KeyringConfig,
  ) {
    const { refusalRecordLimit, refusalWindowSeconds, tableSize } = config.throttling;
    const windowMs = refusalWindowSeconds * 1000;
    this.windows = new RefusalWindows(refusalRecordLimit, windowMs, tableSize);
    this.sweepIntervalMs = Math.min(MAX_SWEEP_INTERVAL_MS, Math.max(50, windowMs / 4));
  }

  onModuleInit(): void {
    this.sweeper = setInterval(
      () => this.writeCounted(this.windows.closeEnded(this.clock().getTime())),
      this.sweepIntervalMs,
    );
    this.sweeper.unref();
  }

  /**
   * Records a refused token request: now (after the answer) while its
   * (client, address) window has budget, else counted in the window's record.
   * Unknown client ids are counted alike; there is just nothing to write.
   */
  record(refused: TokenRequestRefused, context: CommandContext): void {
    const { clientId, sourceIp, reason, refusedAt } = refused.data;
    const admission = this.windows.admit({
      clientId,
      sourceIp: throttledAddress(sourceIp),
      reason,
      at: Date.parse(refusedAt),
      requestId: context.requestId,
      correlationId: context.correlationId,
    });
    if (admission === 'record') this.writeSoon(clientId, refused, new Date(refusedAt), context);
  }

  /** Writes every count now, ended or not, and waits for every write under way. */
  async flush(): Promise<void> {
    this.writeCounted(this.windows.closeAll());
    while (this.writing.size > 0) await Promise.allSettled([...this.writing]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    await this.flush();
  }

  /** Again after the listeners have closed, for refusals answered while they were closing. */
  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  private writeCounted(windows: readonly CountedWindow[]): void {
    for (const window of windows) {
      const event = tokenRequestRefusalsCounted({
        clientId: window.clientId,
        sourceIp: window.sourceIp,
        reasons: window.reasons,
        firstRefusedAt: new Date(window.firstRefusedAt),
        lastRefusedAt: new Date(window.lastRefusedAt),
      });
      this.write(window.clientId, event, new Date(window.lastRefusedAt), {
        actor: { type: 'client', id: window.clientId, onBehalfOf: null },
        requestId: window.requestId,
        sourceIp: window.sourceIp,
        correlationId: window.correlationId,
        reach: UNLIMITED_REACH,
      });
    }
  }

  /** After the current request is answered: the answer never waits for the write, nor its fsync. */
  private writeSoon(
    clientId: string,
    event: CredentialEvent,
    occurredAt: Date,
    context: CommandContext,
  ): void {
    const written = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
      this.append(clientId, event, occurredAt, context),
    );
    this.track(written);
  }

  private write(clientId: string, event: CredentialEvent, occurredAt: Date, context: CommandContext): void {
    this.track(this.append(clientId, event, occurredAt, context));
  }

  private track(written: Promise<void>): void {
    this.writing.add(written);
    void written.finally(() => this.writing.delete(written));
  }

  private async append(
    clientId: string,
    event: CredentialEvent,
    occurredAt: Date,
    context: CommandContext,
  ): Promise<void> {
    // A request for a client id that does not exist has no stream to be recorded in; the logs hold it.
    if (!UUID_PATTERN.test(clientId)) return;
    try {
      const loaded = await this.repository.load(clientId);
      if (loaded.state.status === 'absent') return;
      // A refusal changes no state, so it needs no revision check, and it stays out of the command queue.
      await this.repository.append(clientId, loaded, [event], context, randomUUID(), occurredAt, ANY);
    } catch (error) {
      this.logger.error(
        { err: error, clientId, type: event.type },
        'A refused token request was not recorded',
      );
    }
  }
}
