import { appendAndReadCases } from './contract/append-and-read.cases';
import { closingCases } from './contract/closing.cases';
import { concurrencyCases } from './contract/concurrency.cases';
import type { ContractSubject } from './contract/contract-subject';
import { durabilityCases } from './contract/durability.cases';
import { expectedRevisionCases } from './contract/expected-revision.cases';
import { readAllCases } from './contract/read-all.cases';
import { retryCases } from './contract/retry.cases';
import type { EventStore } from './event-store.port';

export interface EventStoreContractFactory {
  /** Opens a store for one case; the suite closes it afterwards. */
  open(): Promise<EventStore>;
  /** Closes `store` and opens the same data again; enables the durability case. */
  reopen?(store: EventStore): Promise<EventStore>;
  /** When set, every case is registered as skipped and this reason is printed. */
  skip?: string;
}

/**
 * The behaviour every EventStore adapter must show, as jest cases. Each
 * adapter's spec calls this once. Not exported from the package index, so
 * that production bundles never pull in jest globals.
 */
export function eventStoreContract(name: string, factory: EventStoreContractFactory): void {
  const title = `${name} event store contract`;
  if (factory.skip !== undefined) {
    // A skipped adapter must say so plainly, not just vanish from the results. Written to stderr directly:
    // Jest drops the console output of a suite whose tests are all skipped.
    process.stderr.write(`[event-store contract] ${name}: SKIPPED — ${factory.skip}\n`);
    describe.skip(`${title} — SKIPPED: ${factory.skip}`, () => registerCases(factory));
    return;
  }
  describe(title, () => registerCases(factory));
}

function registerCases(factory: EventStoreContractFactory): void {
  let store: EventStore | undefined;
  beforeEach(async () => {
    store = await factory.open();
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  const subject: ContractSubject = {
    get store() {
      if (!store) throw new Error('The contract store is only available inside a test case');
      return store;
    },
    reopen: factory.reopen
      ? async () => {
          store = await factory.reopen!(subject.store);
          return store;
        }
      : undefined,
  };

  appendAndReadCases(subject);
  expectedRevisionCases(subject);
  concurrencyCases(subject);
  readAllCases(subject);
  durabilityCases(subject);
  retryCases(subject);
  closingCases(subject);
}
