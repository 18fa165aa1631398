import { parseCliArguments, UsageError } from './cli-arguments';

describe('CLI arguments', () => {
  it('read bootstrap-admin with its defaults and options', () => {
    expect(parseCliArguments(['bootstrap-admin'])).toEqual({
      name: 'bootstrap-admin',
      accounts: ['*'],
      json: false,
      force: false,
    });
    expect(
      parseCliArguments(['bootstrap-admin', '--accounts', '9900001, 9900002', '--json', '--force']),
    ).toEqual({
      name: 'bootstrap-admin',
      accounts: ['9900001', '9900002'],
      json: true,
      force: true,
    });
  });

  it('read keys rotate and help', () => {
    expect(parseCliArguments(['keys', 'rotate', '--json'])).toEqual({ name: 'keys-rotate', json: true });
    expect(parseCliArguments([])).toEqual({ name: 'help' });
    expect(parseCliArguments(['--help'])).toEqual({ name: 'help' });
  });

  it.each([
    [['nonsense']],
    [['bootstrap-admin', '--accounts', ',']],
    [['keys', 'rotate', '--force']],
    [['bootstrap-admin', '--bogus']],
  ])('refuse %j with a usage error', (argv) => {
    expect(() => parseCliArguments(argv)).toThrow(UsageError);
  });
});
