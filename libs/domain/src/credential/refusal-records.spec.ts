import { CREDENTIAL_EVENT_SCHEMA_VERSION } from './events';
import { CLIENT_ID, NOW } from '../testing/credential-fixtures';
import {
  REFUSED_SCOPE_KEPT_CHARACTERS,
  tokenRequestRefusalsCounted,
  tokenRequestRefused,
} from './refusal-records';

const refusal = (requestedScope: string[] | null) =>
  tokenRequestRefused({
    clientId: CLIENT_ID,
    reason: 'INVALID_CLIENT_SECRET',
    sourceIp: '192.0.2.1',
    requestedScope,
    secretId: null,
    refusedAt: NOW,
  });

describe('a refusal record keeps a bounded part of what the caller sent', () => {
  it('keeps a short scope whole, without a length', () => {
    expect(refusal(['voice', 'messaging']).data).toEqual({
      clientId: CLIENT_ID,
      reason: 'INVALID_CLIENT_SECRET',
      sourceIp: '192.0.2.1',
      requestedScope: ['voice', 'messaging'],
      secretId: null,
      refusedAt: NOW.toISOString(),
    });
    expect(refusal(null).data.requestedScope).toBeNull();
  });

  it('keeps the first 256 characters of a long scope, and its length', () => {
    // 100 scopes of 128 characters: about 13 KB, the most the scope parameter may carry.
    const scopes = Array.from({ length: 100 }, (_, index) => `${index}`.padEnd(128, 'x'));
    const { data } = refusal(scopes);
    expect(data.requestedScope?.join(' ')).toBe(scopes.join(' ').slice(0, REFUSED_SCOPE_KEPT_CHARACTERS));
    expect(data.requestedScopeLength).toBe(scopes.join(' ').length);
    expect(JSON.stringify(data).length).toBeLessThan(600);
  });
});

describe('many refused requests are counted in one record', () => {
  it('carries how many requests it stands for, per reason', () => {
    const counted = tokenRequestRefusalsCounted({
      clientId: CLIENT_ID,
      sourceIp: '2001:db8:1:2::/64',
      reasons: { INVALID_CLIENT_SECRET: 95, TOO_MANY_FAILED_REQUESTS: 2900 },
      firstRefusedAt: NOW,
      lastRefusedAt: new Date(NOW.getTime() + 59_000),
    });
    expect(counted).toEqual({
      type: 'TokenRequestRefusalsCounted',
      schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION,
      data: {
        clientId: CLIENT_ID,
        sourceIp: '2001:db8:1:2::/64',
        count: 2995,
        reasons: { INVALID_CLIENT_SECRET: 95, TOO_MANY_FAILED_REQUESTS: 2900 },
        firstRefusedAt: NOW.toISOString(),
        lastRefusedAt: new Date(NOW.getTime() + 59_000).toISOString(),
      },
    });
  });
});
