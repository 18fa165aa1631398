import { FIELD_LIMITS } from './fields';
import { DEFAULT_POLICY } from './policy';
import { validateChanges, validateCredentialFields } from './validation';
import { validFields } from '../testing/credential-fixtures';
import type { CreationFields } from './fields';

const problemsWith = (overrides: Record<string, unknown>, policy = DEFAULT_POLICY) =>
  validateCredentialFields({ ...validFields(), ...overrides } as CreationFields, policy);
const fieldsOf = (overrides: Record<string, unknown>) =>
  problemsWith(overrides).map((violation) => violation.field);

describe('field limits', () => {
  it('accepts a complete, valid credential', () => {
    expect(problemsWith({})).toEqual([]);
  });

  describe('name: required, 1 to 100 characters after trimming', () => {
    it.each([[''], ['   '], [undefined], [42]])('refuses %p', (name) => {
      expect(problemsWith({ name })).toEqual([
        { field: 'name', message: expect.stringContaining('required') },
      ]);
    });
    it('accepts exactly 100 characters and refuses 101', () => {
      expect(fieldsOf({ name: 'n'.repeat(100) })).toEqual([]);
      expect(problemsWith({ name: 'n'.repeat(101) })).toEqual([
        { field: 'name', message: 'name must be at most 100 characters (got 101)' },
      ]);
    });
    it('counts characters, not UTF-16 units', () => {
      expect(fieldsOf({ name: '🔑'.repeat(100) })).toEqual([]);
    });
  });

  describe('description: at most 500 characters, empty by default', () => {
    it('accepts 500 and refuses 501', () => {
      expect(fieldsOf({ description: 'd'.repeat(500) })).toEqual([]);
      expect(fieldsOf({ description: 'd'.repeat(501) })).toEqual(['description']);
    });
  });

  describe('environment: development, staging or production', () => {
    it.each(['development', 'staging', 'production'])('accepts %s', (environment) => {
      expect(fieldsOf({ environment })).toEqual([]);
    });
    it('refuses anything else and says what is allowed', () => {
      expect(problemsWith({ environment: 'prod' })).toEqual([
        { field: 'environment', message: 'environment must be one of development, staging, production' },
      ]);
    });
  });

  describe('accounts: 1 to 100 account IDs or "*", each once', () => {
    it('accepts account IDs and the every-account marker', () => {
      expect(fieldsOf({ accounts: ['9900001', 'acct_A-1', '*', 'a'.repeat(32)] })).toEqual([]);
    });
    it('refuses malformed IDs with their position', () => {
      expect(fieldsOf({ accounts: ['ok', 'no spaces', 'a'.repeat(33), ''] })).toEqual([
        'accounts[1]',
        'accounts[2]',
        'accounts[3]',
      ]);
    });
    it('refuses duplicates, pointing at the first occurrence', () => {
      expect(problemsWith({ accounts: ['1', '2', '1'] })).toEqual([
        { field: 'accounts[2]', message: '"1" repeats accounts[0]; list each value once' },
      ]);
    });
    it(`refuses more than ${FIELD_LIMITS.maxAccounts}`, () => {
      const accounts = Array.from({ length: FIELD_LIMITS.maxAccounts + 1 }, (_, index) => `a${index}`);
      expect(fieldsOf({ accounts })).toEqual(['accounts']);
    });
    it('refuses a value that is not a list', () => {
      expect(fieldsOf({ accounts: '9900001' })).toEqual(['accounts']);
    });
  });

  describe('roles: 1 or more, each well formed and once, from the catalogue when one is set', () => {
    it('refuses malformed and duplicate roles', () => {
      expect(fieldsOf({ roles: ['Admin', 'keyring:admin', 'keyring:admin', '9role'] })).toEqual([
        'roles[0]',
        'roles[2]',
        'roles[3]',
      ]);
    });
    it('accepts catalogue and built-in roles when a catalogue is set', () => {
      const policy = { roleCatalogue: ['billing:read'] };
      expect(
        problemsWith({ roles: ['billing:read', 'keyring:admin', 'keyring:introspect'] }, policy),
      ).toEqual([]);
      expect(problemsWith({ roles: ['billing:write'] }, policy)).toEqual([
        {
          field: 'roles[0]',
          message:
            '"billing:write" is not in the role catalogue; allowed roles: keyring:admin, keyring:introspect, billing:read',
        },
      ]);
    });
  });

  describe('apis: OAuth scope tokens, each once, none required', () => {
    it('accepts no apis and printable scope tokens', () => {
      expect(fieldsOf({ apis: [] })).toEqual([]);
      expect(fieldsOf({ apis: ['messaging', 'https://api.example.com/voice:write'] })).toEqual([]);
    });
    it('refuses spaces, quotes, backslashes and duplicates', () => {
      expect(fieldsOf({ apis: ['a b', 'say"hi', 'back\\slash', 'ok', 'ok'] })).toEqual([
        'apis[0]',
        'apis[1]',
        'apis[2]',
        'apis[4]',
      ]);
    });
  });

  describe('allowedIps: addresses and CIDR blocks, each once after normalising', () => {
    it('refuses a block with host bits set and suggests the network', () => {
      expect(problemsWith({ allowedIps: ['10.0.0.1/8'] })).toEqual([
        { field: 'allowedIps[0]', message: '10.0.0.1/8 has host bits set; did you mean 10.0.0.0/8?' },
      ]);
    });
    it('refuses the same address written two ways', () => {
      expect(
        fieldsOf({ allowedIps: ['2001:db8::1', '2001:DB8:0:0:0:0:0:1', '10.0.0.1', '::ffff:10.0.0.1'] }),
      ).toEqual(['allowedIps[1]', 'allowedIps[3]']);
    });
  });

  describe('secretLifetimeDays: a whole number from 1 to 365, 90 by default', () => {
    it.each([1, 90, 365, undefined])('accepts %p', (secretLifetimeDays) => {
      expect(fieldsOf({ secretLifetimeDays })).toEqual([]);
    });
    it.each([0, 366, 1.5, '30'])('refuses %p', (secretLifetimeDays) => {
      expect(problemsWith({ secretLifetimeDays })).toEqual([
        {
          field: 'secretLifetimeDays',
          message: 'secretLifetimeDays must be a whole number of days from 1 to 365',
        },
      ]);
    });
  });
});

describe('validating an update', () => {
  it('checks only the fields given', () => {
    expect(validateChanges({ name: 'Renamed' })).toEqual([]);
    expect(
      validateChanges({ roles: ['Bad Role'], apis: ['ok'] }).map((violation) => violation.field),
    ).toEqual(['roles[0]']);
  });
  it('refuses an update that names no field', () => {
    expect(validateChanges({})).toEqual([
      { field: 'changes', message: expect.stringContaining('at least one field') },
    ]);
  });
  it('applies the role catalogue', () => {
    expect(validateChanges({ roles: ['billing:write'] }, { roleCatalogue: [] })).toHaveLength(1);
  });
});
