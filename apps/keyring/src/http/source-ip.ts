import * as ipaddr from 'ipaddr.js';

/** `::ffff:10.0.0.1` is how a dual-stack socket reports an IPv4 client; record it as `10.0.0.1`. */
export function normaliseSourceIp(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : address;
}
