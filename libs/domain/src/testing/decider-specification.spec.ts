import { createCredential, credentialCreated, existingCredential } from './credential-fixtures';
import { given } from './decider-specification';

describe('the decider specification fails when the decision differs', () => {
  it('fails then() on a refusal, naming it', () => {
    expect(() => given(existingCredential()).when(createCredential()).then([])).toThrow(
      /accepted, got refusal CREDENTIAL_ALREADY_EXISTS/,
    );
  });

  it('fails then() on other events', () => {
    expect(() => given([]).when(createCredential()).then([credentialCreated()])).toThrow();
  });

  it('fails thenThrows() on acceptance or another code', () => {
    expect(() => given([]).when(createCredential()).thenThrows('CREDENTIAL_REVOKED')).toThrow(
      /Expected refusal CREDENTIAL_REVOKED, got events/,
    );
    expect(() =>
      given(existingCredential()).when(createCredential()).thenThrows('CREDENTIAL_REVOKED'),
    ).toThrow();
  });

  it('fails thenThrows() when the predicate returns false', () => {
    expect(() =>
      given(existingCredential())
        .when(createCredential())
        .thenThrows('CREDENTIAL_ALREADY_EXISTS', () => false),
    ).toThrow(/did not satisfy/);
  });

  it('fails thenRecordsAndRefuses() when the refusal records other events', () => {
    expect(() =>
      given(existingCredential())
        .when(createCredential())
        .thenRecordsAndRefuses([credentialCreated()], 'CREDENTIAL_ALREADY_EXISTS'),
    ).toThrow();
  });

  it('fails thenNothing() when events are recorded', () => {
    expect(() => given([]).when(createCredential()).thenNothing()).toThrow();
  });
});
