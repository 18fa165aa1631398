import { type Refused, RefusalWindows } from './refusal-windows';

const CLIENT = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
const refused = (at: number, overrides: Partial<Refused> = {}): Refused => ({
  clientId: CLIENT,
  sourceIp: '192.0.2.1',
  reason: 'INVALID_CLIENT_SECRET',
  at,
  requestId: `request-${at}`,
  correlationId: `correlation-${at}`,
  ...overrides,
});

describe('refused token requests past a few per window are counted, not recorded one by one', () => {
  it('records the first few of a (client, address) window and counts the rest, by reason', () => {
    const windows = new RefusalWindows(2, 60_000, 100);
    const admissions = [0, 1, 2, 3, 4].map((at) =>
      windows.admit(refused(at, at === 4 ? { reason: 'IP_NOT_ALLOWED' } : {})),
    );
    expect(admissions).toEqual(['record', 'record', 'count', 'count', 'count']);
    expect(windows.closeEnded(59_999)).toEqual([]);
    expect(windows.closeEnded(60_000)).toEqual([
      {
        clientId: CLIENT,
        sourceIp: '192.0.2.1',
        reasons: { INVALID_CLIENT_SECRET: 2, IP_NOT_ALLOWED: 1 },
        firstRefusedAt: 2,
        lastRefusedAt: 4,
        requestId: 'request-2',
        correlationId: 'correlation-2',
      },
    ]);
    expect(windows.size).toBe(0);
  });

  it('keeps each (client, address) apart, and opens a new window once one ends', () => {
    const windows = new RefusalWindows(1, 1000, 100);
    expect(windows.admit(refused(0))).toBe('record');
    expect(windows.admit(refused(1, { sourceIp: '192.0.2.2' }))).toBe('record');
    expect(windows.admit(refused(2, { clientId: 'unknown' }))).toBe('record');
    expect(windows.admit(refused(3))).toBe('count');
    expect(windows.admit(refused(1000))).toBe('record');
    // The ended window's count left the table when the new one opened, and is handed out at the next sweep.
    expect(windows.closeEnded(1001).map((window) => window.reasons)).toEqual([{ INVALID_CLIENT_SECRET: 1 }]);
  });

  it('counts everything when nothing is to be recorded one by one', () => {
    const windows = new RefusalWindows(0, 1000, 100);
    expect(windows.admit(refused(0))).toBe('count');
  });

  it('hands out every count at shutdown, ended or not', () => {
    const windows = new RefusalWindows(0, 60_000, 100);
    windows.admit(refused(0));
    windows.admit(refused(1, { sourceIp: '192.0.2.2' }));
    expect(windows.closeAll().map((window) => window.sourceIp)).toEqual(['192.0.2.1', '192.0.2.2']);
    expect(windows.size).toBe(0);
  });

  it('stays bounded however many client ids are invented, handing out the counts it lets go early', () => {
    const windows = new RefusalWindows(0, 60_000, 100);
    for (let index = 0; index < 10_000; index++) windows.admit(refused(index, { clientId: `id-${index}` }));
    expect(windows.size).toBe(100);
    const counted = windows.closeAll();
    expect(counted).toHaveLength(10_000);
    expect(counted.reduce((sum, window) => sum + window.reasons.INVALID_CLIENT_SECRET, 0)).toBe(10_000);
  });
});
