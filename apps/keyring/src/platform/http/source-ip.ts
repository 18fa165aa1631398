import * as ipaddr from 'ipaddr.js';
import proxyAddr from 'proxy-addr';

/** `::ffff:10.0.0.1` is how a dual-stack socket reports an IPv4 client; record it as `10.0.0.1`. */
export function normaliseSourceIp(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : address;
}

/** Which hops may name the client in X-Forwarded-For: TRUST_PROXY, by the rule Express applies. */
export type TrustRule = (address: string, hop: number) => boolean;

export const compileTrust = (trustProxy: readonly string[]): TrustRule => proxyAddr.compile([...trustProxy]);
