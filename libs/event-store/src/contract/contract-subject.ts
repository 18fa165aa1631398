import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from '../errors';
import type { EventStore, ExpectedRevision, NewEvent, StreamRevision } from '../event-store.port';

/** What each group of contract cases works on. */
export interface ContractSubject {
  /** The store under test: a fresh one for every case. */
  readonly store: EventStore;
  /** Closes the store and opens the same data again; absent when the adapter cannot. */
  readonly reopen?: () => Promise<EventStore>;
}

/** Stream names are unique per call, so the suite can run against a shared server. */
export const uniqueStream = (label: string): string => `contract-${label}-${randomUUID()}`;

export function newEvent(data: unknown = { note: 'contract' }, type = 'ContractEventHappened'): NewEvent {
  return { id: randomUUID(), type, data, metadata: { actor: 'contract-suite', requestId: randomUUID() } };
}

export const newEvents = (count: number): NewEvent[] =>
  Array.from({ length: count }, (_, index) => newEvent({ index }));

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

export async function expectWrongExpectedRevision(
  append: Promise<unknown>,
  conflict: { stream: string; expected: ExpectedRevision; actual: StreamRevision | null },
): Promise<void> {
  const error = await append.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject(conflict);
}

export function expectStrictlyIncreasing(values: readonly number[]): void {
  values.slice(1).forEach((value, index) => expect(value).toBeGreaterThan(values[index]));
}
