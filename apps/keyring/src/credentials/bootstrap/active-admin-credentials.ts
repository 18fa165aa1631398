/**
 * Which credentials can manage the service right now: active and holding
 * the admin role. Folds every credential stream from the event store — a
 * one-off scan for the CLI, not a request path.
 */
import { clientIdOfStream, type CredentialState, evolve, initialCredentialState } from '@keyring/domain';
import type { EventStore } from '@keyring/event-store';
import { fromRecordedEvent } from '../../credential-store/event-envelope';

export async function activeAdminCredentials(store: EventStore, adminRole: string): Promise<string[]> {
  const states = new Map<string, CredentialState>();
  for await (const recorded of store.readAll()) {
    const clientId = clientIdOfStream(recorded.stream);
    if (clientId === null) continue;
    states.set(
      clientId,
      evolve(states.get(clientId) ?? initialCredentialState(), fromRecordedEvent(recorded)),
    );
  }
  return [...states.entries()]
    .filter(([, state]) => state.status === 'active' && state.roles.includes(adminRole))
    .map(([clientId]) => clientId);
}
