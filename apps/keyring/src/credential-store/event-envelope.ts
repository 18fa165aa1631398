/** Translates domain events to and from the store's records; the only place event metadata is shaped. */
import { randomUUID } from 'node:crypto';
import { type ApiUserEvent, type CredentialEvent, upcastCredentialEvent } from '@keyring/domain';
import type { NewEvent, RecordedEvent } from '@keyring/event-store';
import type { CommandContext, EventMetadata } from '../platform/context/command-context';

export function toNewEvent(
  event: CredentialEvent | ApiUserEvent,
  context: CommandContext,
  causationId: string,
  occurredAt: Date,
): NewEvent {
  const metadata: EventMetadata = {
    schemaVersion: event.schemaVersion,
    actor: context.actor,
    requestId: context.requestId,
    sourceIp: context.sourceIp,
    occurredAt: occurredAt.toISOString(),
    correlationId: context.correlationId,
    causationId,
  };
  return { id: randomUUID(), type: event.type, data: event.data, metadata: { ...metadata } };
}

export function fromRecordedEvent(recorded: RecordedEvent): CredentialEvent {
  const schemaVersion = Number((recorded.metadata as Partial<EventMetadata>).schemaVersion ?? 1);
  return upcastCredentialEvent(recorded.type, schemaVersion, recorded.data);
}

/** API user events have one schema version so far: nothing to upcast. */
export const fromRecordedApiUserEvent = (recorded: RecordedEvent): ApiUserEvent =>
  ({
    type: recorded.type,
    schemaVersion: Number((recorded.metadata as Partial<EventMetadata>).schemaVersion ?? 1),
    data: recorded.data,
  }) as ApiUserEvent;
