import { secretGenerated } from '../testing/credential-fixtures';
import { CREDENTIAL_EVENT_SCHEMA_VERSION, CREDENTIAL_EVENT_TYPES } from './events';
import { upcastCredentialEvent } from './upcast';

describe('stored events are read in the current schema', () => {
  it('passes version 1 events through unchanged', () => {
    const stored = secretGenerated();
    expect(upcastCredentialEvent(stored.type, 1, stored.data)).toEqual(stored);
  });

  it.each(CREDENTIAL_EVENT_TYPES)('knows %s', (type) => {
    expect(upcastCredentialEvent(type, CREDENTIAL_EVENT_SCHEMA_VERSION, {}).type).toBe(type);
  });

  it('refuses an unknown event type', () => {
    expect(() => upcastCredentialEvent('SecretRenamed', 1, {})).toThrow(
      'Unknown credential event type "SecretRenamed"',
    );
  });

  it.each([0, CREDENTIAL_EVENT_SCHEMA_VERSION + 1, 1.5])('refuses schema version %p', (version) => {
    expect(() => upcastCredentialEvent('SecretGenerated', version, {})).toThrow(/schema version/);
  });

  it('refuses data that is not an object', () => {
    expect(() => upcastCredentialEvent('SecretGenerated', 1, 'oops')).toThrow('must be an object');
  });
});

describe('a token revocation stored before revocations had reasons', () => {
  it('reads as one that was asked for', () => {
    const stored = { clientId: 'c', jti: 'j', revokedAt: '2025-01-01T00:00:00.000Z' };
    expect(upcastCredentialEvent('TokenRevoked', 1, stored)).toEqual({
      type: 'TokenRevoked',
      schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
      data: { ...stored, reason: 'requested' },
    });
  });

  it('keeps the reason of a version 2 revocation', () => {
    const stored = {
      clientId: 'c',
      jti: 'j',
      revokedAt: '2025-01-01T00:00:00.000Z',
      reason: 'secret-deleted',
    };
    expect(upcastCredentialEvent('TokenRevoked', 2, stored).data).toEqual(stored);
  });
});
