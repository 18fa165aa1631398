import { formParameter } from './form-parameters';
import { Refusal } from '@keyring/domain';
import { oauthErrorOf } from './oauth-errors';
import { parseScope } from './scope-parameter';

const oauthErrorFrom = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof Refusal) return oauthErrorOf(error)?.error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('the scope parameter', () => {
  it('is absent when not sent or empty, which grants every allowed scope', () => {
    expect(parseScope(undefined)).toBeNull();
    expect(parseScope('   ')).toBeNull();
  });

  it('is split on spaces', () => {
    expect(parseScope('invoices:read  payments:read')).toEqual(['invoices:read', 'payments:read']);
  });

  it.each(['bad"quote', 'back\\slash', 'tab\there', 'ünï'])('refuses %j as invalid_scope', (scope) => {
    expect(oauthErrorFrom(() => parseScope(scope))).toBe('invalid_scope');
  });
});

describe('form parameters', () => {
  it('treat an empty value as omitted and refuse a repeated one', () => {
    expect(formParameter({ scope: '' }, 'scope')).toBeUndefined();
    expect(oauthErrorFrom(() => formParameter({ scope: ['a', 'b'] }, 'scope'))).toBe('invalid_request');
  });
});
