import { parseCliArguments, USAGE, UsageError } from './cli-arguments';

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
    expect(parseCliArguments(['help'])).toEqual({ name: 'help' });
    expect(parseCliArguments(['--help'])).toEqual({ name: 'help' });
    expect(parseCliArguments(['audit', 'export', '--help'])).toEqual({ name: 'help' });
  });

  describe('audit export', () => {
    it('needs a format and a file, and takes optional filters', () => {
      expect(parseCliArguments(['audit', 'export', '--format', 'jsonl', '--out', 'audit.jsonl'])).toEqual({
        name: 'audit-export',
        format: 'jsonl',
        out: 'audit.jsonl',
      });
      expect(
        parseCliArguments([
          'audit',
          'export',
          '--format=CSV',
          '--out',
          '/tmp/audit.csv',
          '--from',
          '2026-01-01',
          '--to',
          '2026-01-31T12:00:00+01:00',
          '--account',
          '9900001',
        ]),
      ).toEqual({
        name: 'audit-export',
        format: 'csv',
        out: '/tmp/audit.csv',
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-01-31T11:00:00.000Z',
        account: '9900001',
      });
    });

    it.each([
      [['--out', 'a.jsonl'], '--format is required'],
      [['--format', 'jsonl'], '--out is required'],
      [['--format', 'xml', '--out', 'a.xml'], '--format must be one of jsonl, csv (got "xml")'],
      [['--format', 'csv', '--out', 'a.csv', '--from', 'yesterday'], '--from must be an ISO-8601'],
      [['--format', 'csv', '--out', 'a.csv', '--to', '2026-02-30'], '--to must be an ISO-8601'],
      [['--format', 'csv', '--out', 'a.csv', '--to', '2026-01-31T10:00:00'], '--to must be an ISO-8601'],
      [['--format', 'csv', '--out', 'a.csv', '--from', '2026-02-01', '--to', '2026-01-01'], 'must be before'],
      [
        ['--format', 'csv', '--out', 'a.csv', '--account', 'not an account'],
        '--account must be an account ID',
      ],
      [['--format', 'csv', '--out', 'a.csv', '--json'], "Unknown option '--json'"],
    ])('refuse %j: %s', (options, message) => {
      const parse = () => parseCliArguments(['audit', 'export', ...options]);
      expect(parse).toThrow(UsageError);
      expect(parse).toThrow(message);
    });
  });

  it('read audit verify', () => {
    expect(parseCliArguments(['audit', 'verify'])).toEqual({ name: 'audit-verify', json: false });
    expect(parseCliArguments(['audit', 'verify', '--json'])).toEqual({ name: 'audit-verify', json: true });
  });

  it('read access with a required account and instant', () => {
    expect(parseCliArguments(['access', '--account', '9900001', '--at', '2026-01-31T00:00:00Z'])).toEqual({
      name: 'access',
      account: '9900001',
      at: '2026-01-31T00:00:00.000Z',
      json: false,
    });
    expect(parseCliArguments(['access', '--account=A-1', '--at=2026-01-31', '--json'])).toMatchObject({
      account: 'A-1',
      json: true,
    });
  });

  it('read projections rebuild', () => {
    expect(parseCliArguments(['projections', 'rebuild'])).toEqual({ name: 'projections-rebuild' });
  });

  it.each([
    [['nonsense']],
    [['bootstrap-admin', '--accounts', ',']],
    [['keys', 'rotate', '--force']],
    [['bootstrap-admin', '--bogus']],
    [['--json', 'keys', 'rotate']],
    [['audit']],
    [['audit', 'verify', 'now']],
    [['access', '--at', '2026-01-31T00:00:00Z']],
    [['access', '--account', '9900001']],
    [['access', '--account', '9900001', '--at', 'noon']],
    [['projections', 'rebuild', '--json']],
  ])('refuse %j with a usage error', (argv) => {
    expect(() => parseCliArguments(argv)).toThrow(UsageError);
  });

  it('document every command in the usage text', () => {
    for (const command of [
      'bootstrap-admin',
      'keys rotate',
      'audit export',
      'audit verify',
      'access',
      'projections rebuild',
    ]) {
      expect(USAGE).toContain(`  ${command}`);
    }
  });
});
