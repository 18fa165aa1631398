/**
 * The unit an address is throttled by: an IPv4 address as it is, an IPv6
 * address by its /64 network, since one subscriber usually holds a whole /64
 * and could otherwise start afresh from each of its addresses.
 */
import * as ipaddr from 'ipaddr.js';

const IPV6_NETWORK_BITS = 64;

export function throttledAddress(sourceIp: string): string {
  if (!ipaddr.isValid(sourceIp)) return sourceIp;
  const address = ipaddr.process(sourceIp);
  if (address.kind() === 'ipv4') return address.toString();
  const parts = (address as ipaddr.IPv6).parts.map((part, index) =>
    index < IPV6_NETWORK_BITS / 16 ? part : 0,
  );
  return `${new ipaddr.IPv6(parts).toString()}/${IPV6_NETWORK_BITS}`;
}
