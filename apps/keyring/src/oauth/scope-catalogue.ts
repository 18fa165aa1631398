/**
 * The scopes a client can request here: every api granted to an active
 * credential, for RFC 8414's `scopes_supported`. It catches up on the event
 * store from where it last stopped, so a metadata request reads only the
 * events appended since the previous one.
 */
import { Inject, Injectable } from '@nestjs/common';
import { clientIdOfStream, type CredentialEvent } from '@keyring/domain';
import { EVENT_STORE, type EventStore } from '@keyring/event-store';
import { fromRecordedEvent } from '../event-sourcing/event-envelope';

@Injectable()
export class ScopeCatalogue {
  private readonly apisByClient = new Map<string, readonly string[]>();
  private position = 0;
  private catchingUp: Promise<void> | null = null;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async scopes(): Promise<string[]> {
    // Concurrent callers share one catch-up.
    this.catchingUp ??= this.catchUp().finally(() => (this.catchingUp = null));
    await this.catchingUp;
    return [...new Set([...this.apisByClient.values()].flat())].sort();
  }

  private async catchUp(): Promise<void> {
    for await (const recorded of this.store.readAll({ after: this.position })) {
      if (clientIdOfStream(recorded.stream) !== null) this.apply(fromRecordedEvent(recorded));
      this.position = recorded.position;
    }
  }

  private apply(event: CredentialEvent): void {
    switch (event.type) {
      case 'CredentialCreated':
        this.apisByClient.set(event.data.clientId, event.data.apis);
        break;
      case 'CredentialUpdated':
        if (event.data.changes.apis) this.apisByClient.set(event.data.clientId, event.data.changes.apis);
        break;
      case 'CredentialRevoked':
        this.apisByClient.delete(event.data.clientId);
        break;
      default:
        break;
    }
  }
}
