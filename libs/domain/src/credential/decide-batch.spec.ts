import { decideBatch } from './decide-batch';
import { createCredential, NOW } from '../testing/credential-fixtures';
import type { CreateCredential } from './commands';

const credentials = (count: number): CreateCredential[] =>
  Array.from({ length: count }, (_, index) =>
    createCredential({ name: `Exporter ${index}` }, `client-${index}`),
  );

describe('a batch holds 1 to 10 credentials', () => {
  it.each([1, 10])('creates a batch of %i, each credential with its first secret', (count) => {
    const { events, refusal } = decideBatch(credentials(count), NOW);
    if (refusal) throw refusal;
    expect(events).toHaveLength(count);
    expect(events.map((created) => created.map((event) => event.type))).toEqual(
      Array(count).fill(['CredentialCreated', 'SecretGenerated']),
    );
    expect(events[count - 1][0].data).toMatchObject({ clientId: `client-${count - 1}` });
  });

  it.each([0, 11])('refuses a batch of %i', (count) => {
    const { events, refusal } = decideBatch(credentials(count), NOW);
    expect(events).toEqual([]);
    expect(refusal?.code).toBe('VALIDATION_FAILED');
    expect(refusal?.details.violations).toEqual([
      {
        field: 'credentials',
        message: `a batch holds 1 to 10 credentials (got ${count}); split larger sets into several batches`,
      },
    ]);
  });
});

describe('every credential in a batch is validated before any is created', () => {
  it('creates none and lists the problems of every item under its position', () => {
    const batch = [
      createCredential({ name: '' }, 'client-0'),
      createCredential({}, 'client-1'),
      createCredential({ accounts: [], roles: ['Bad'] }, 'client-2'),
    ];
    const { events, refusal } = decideBatch(batch, NOW);
    if (!refusal) throw new Error('expected a refusal');
    expect(events).toEqual([]);
    expect(refusal.code).toBe('VALIDATION_FAILED');
    expect(refusal.details.violations?.map((violation) => violation.field)).toEqual([
      'credentials[0].name',
      'credentials[2].accounts',
      'credentials[2].roles[0]',
    ]);
  });

  it('refuses two credentials with the same client ID', () => {
    const { refusal } = decideBatch([createCredential({}, 'same'), createCredential({}, 'same')], NOW);
    expect(refusal?.details.violations).toEqual([
      {
        field: 'credentials[1].clientId',
        message: expect.stringContaining('repeats credentials[0].clientId'),
      },
    ]);
  });

  it('applies the role catalogue to every item', () => {
    const { refusal } = decideBatch([createCredential({ roles: ['billing:read'] })], NOW, {
      roleCatalogue: [],
    });
    expect(refusal?.details.violations?.[0].field).toBe('credentials[0].roles[0]');
  });
});
