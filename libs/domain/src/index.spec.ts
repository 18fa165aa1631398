import * as domain from '@keyring/domain';

describe('the public surface of @keyring/domain', () => {
  it.each([
    'decide',
    'evolve',
    'eventApplies',
    'accountsAfter',
    'decideBatch',
    'fold',
    'initialCredentialState',
    'validateCredentialFields',
    'validateChanges',
    'isIpOrCidr',
    'normalizeIpOrCidr',
    'ipOrCidrProblem',
    'isIpAllowed',
    'activeSecrets',
    'activeTokens',
    'secretStatus',
    'isoFromEpoch',
    'isTokenActive',
    'secondsUntilOldestActiveTokenExpires',
    'upcastCredentialEvent',
    'isRefusal',
    'accountOutOfReach',
    'credentialStreamName',
  ])('exports %s', (name) => {
    expect(typeof (domain as Record<string, unknown>)[name]).toBe('function');
  });

  it('exports the default policy and the field rules', () => {
    expect(domain.DEFAULT_POLICY).toEqual({ roleCatalogue: null });
    expect(domain.FIELD_LIMITS.maxActiveTokens).toBe(10);
    expect(domain.credentialDecider.initialState()).toEqual({ status: 'absent' });
  });
});
