import { isIpAllowed, isIpOrCidr, ipOrCidrProblem, normalizeIpOrCidr } from './ip-rules';

describe('IP rules: what counts as an address or CIDR block', () => {
  it.each([
    '203.0.113.7',
    '10.0.0.0/8',
    '0.0.0.0/0',
    '2001:db8::1',
    '2001:db8::/32',
    '::/0',
    '::ffff:10.0.0.1',
  ])('accepts %s', (value) => {
    expect(isIpOrCidr(value)).toBe(true);
    expect(ipOrCidrProblem(value)).toBeNull();
  });

  it.each([
    ['a host name', 'example.com'],
    ['IPv4 shorthand', '10.1'],
    ['hexadecimal IPv4', '0x0a.0.0.1'],
    ['leading zeros', '010.0.0.1'],
    ['an out-of-range octet', '256.0.0.1'],
    ['a prefix beyond 32 bits', '10.0.0.0/33'],
    ['a prefix beyond 128 bits', '2001:db8::/129'],
    ['an IPv6 zone id', 'fe80::1%eth0'],
    ['an empty string', ''],
    ['a bare prefix', '/8'],
  ])('refuses %s', (_, value) => {
    expect(isIpOrCidr(value)).toBe(false);
    expect(normalizeIpOrCidr(value)).toBeNull();
    expect(ipOrCidrProblem(value)).toContain('is not an IPv4/IPv6 address or CIDR block');
  });

  it('reads a block with host bits set, but refuses it and suggests the network address', () => {
    expect(isIpOrCidr('10.0.0.1/8')).toBe(true);
    expect(normalizeIpOrCidr('10.0.0.1/8')).toBeNull();
    expect(ipOrCidrProblem('10.0.0.1/8')).toBe('10.0.0.1/8 has host bits set; did you mean 10.0.0.0/8?');
    expect(ipOrCidrProblem('2001:db8::1/32')).toBe(
      '2001:db8::1/32 has host bits set; did you mean 2001:db8::/32?',
    );
  });
});

describe('IP rules are stored in canonical form', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:0db8:0000::/32', '2001:db8::/32'],
    ['::ffff:10.0.0.1', '10.0.0.1'],
    ['::ffff:10.0.0.0/104', '10.0.0.0/8'],
    ['::ffff:0:0/96', '0.0.0.0/0'],
  ])('%s is stored as %s', (value, canonical) => {
    expect(normalizeIpOrCidr(value)).toBe(canonical);
  });
});

describe('a token request must come from an allowed address', () => {
  it('allows any address when the list is empty', () => {
    expect(isIpAllowed([], '198.51.100.1')).toBe(true);
    expect(isIpAllowed([], 'not an address')).toBe(true);
  });

  it('matches single IPv4 addresses and blocks', () => {
    const allowed = ['203.0.113.7', '10.0.0.0/8'];
    expect(isIpAllowed(allowed, '203.0.113.7')).toBe(true);
    expect(isIpAllowed(allowed, '10.255.0.1')).toBe(true);
    expect(isIpAllowed(allowed, '203.0.113.8')).toBe(false);
    expect(isIpAllowed(allowed, '11.0.0.1')).toBe(false);
  });

  it('matches IPv6 addresses and blocks whatever their spelling', () => {
    const allowed = ['2001:db8::1', '2001:db8:1::/48'];
    expect(isIpAllowed(allowed, '2001:DB8:0:0:0:0:0:1')).toBe(true);
    expect(isIpAllowed(allowed, '2001:db8:1:ffff::9')).toBe(true);
    expect(isIpAllowed(allowed, '2001:db8:2::1')).toBe(false);
  });

  it('matches an IPv4-mapped IPv6 source against IPv4 rules', () => {
    expect(isIpAllowed(['10.0.0.0/8'], '::ffff:10.0.0.1')).toBe(true);
    expect(isIpAllowed(['10.0.0.1'], '::ffff:10.0.0.1')).toBe(true);
    expect(isIpAllowed(['10.0.0.0/8'], '::ffff:11.0.0.1')).toBe(false);
  });

  it('matches an IPv4 source against rules written in mapped form', () => {
    expect(isIpAllowed(['::ffff:10.0.0.0/104'], '10.1.2.3')).toBe(true);
  });

  it('never matches across families', () => {
    expect(isIpAllowed(['::/0'], '10.0.0.1')).toBe(false);
    expect(isIpAllowed(['0.0.0.0/0'], '2001:db8::1')).toBe(false);
  });

  it('refuses a source that is not an address', () => {
    expect(isIpAllowed(['0.0.0.0/0'], 'unknown')).toBe(false);
    expect(isIpAllowed(['0.0.0.0/0'], '')).toBe(false);
  });
});
