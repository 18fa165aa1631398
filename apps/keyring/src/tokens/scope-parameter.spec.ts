import { formParameter } from './form-parameters';
import { OAuthError } from './oauth-error';
import { parseScope } from './scope-parameter';

describe('the scope parameter', () => {
  it('is absent when not sent or empty, which grants every allowed scope', () => {
    expect(parseScope(undefined)).toBeNull();
    expect(parseScope('   ')).toBeNull();
  });

  it('is split on spaces', () => {
    expect(parseScope('invoices:read  payments:read')).toEqual(['invoices:read', 'payments:read']);
  });

  it.each(['bad"quote', 'back\\slash', 'tab\there', 'ünï'])('refuses %j as invalid_scope', (scope) => {
    expect(() => parseScope(scope)).toThrow(expect.objectContaining({ error: 'invalid_scope' }));
  });
});

describe('form parameters', () => {
  it('treat an empty value as omitted and refuse a repeated one', () => {
    expect(formParameter({ scope: '' }, 'scope')).toBeUndefined();
    expect(() => formParameter({ scope: ['a', 'b'] }, 'scope')).toThrow(OAuthError);
  });
});
