import { throttledAddress } from './throttled-address';

describe('the address a request is throttled by', () => {
  it('is an IPv4 address as it is', () => {
    expect(throttledAddress('192.0.2.1')).toBe('192.0.2.1');
    expect(throttledAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
  });

  it('is the /64 network of an IPv6 address, so a subscriber cannot start afresh from each of its addresses', () => {
    expect(throttledAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttledAddress('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
  });

  it('is anything else as it is', () => {
    expect(throttledAddress('unknown')).toBe('unknown');
  });
});
