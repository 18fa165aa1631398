/**
 * The address a gRPC call came from, by the same rule as HTTP: the peer,
 * unless it is a trusted proxy (TRUST_PROXY), in which case the
 * `x-forwarded-for` metadata names the client, as Express reads it.
 */
import type { Metadata } from '@grpc/grpc-js';
import proxyAddr from 'proxy-addr';
import { normaliseSourceIp, type TrustRule } from '../http/source-ip';

/** grpc-js names peers `10.0.0.1:5000` or `[::1]:5000` (older releases prefix `ipv4:`/`ipv6:`), or `unix:/path`. */
export function peerAddress(peer: string): string {
  const address = peer.replace(/^ipv[46]:/, '');
  const match = /^\[([^\]]+)\]:\d+$/.exec(address) ?? /^([^:[\]]+):\d+$/.exec(address);
  return match ? match[1] : peer;
}

export function grpcSourceIp(peer: string, metadata: Metadata, trust: TrustRule): string {
  const forwarded = metadata.get('x-forwarded-for').filter((value) => typeof value === 'string');
  // proxy-addr reads an HTTP request; these are the only two parts it looks at.
  const request = {
    headers: forwarded.length > 0 ? { 'x-forwarded-for': forwarded.join(', ') } : {},
    socket: { remoteAddress: peerAddress(peer) },
    connection: { remoteAddress: peerAddress(peer) },
  };
  return normaliseSourceIp(proxyAddr(request as unknown as Parameters<typeof proxyAddr>[0], trust));
}
