import { Metadata } from '@grpc/grpc-js';
import { compileTrust } from '../http/source-ip';
import { grpcSourceIp, peerAddress } from './grpc-source-ip';

const forwardedFor = (value: string): Metadata => {
  const metadata = new Metadata();
  metadata.set('x-forwarded-for', value);
  return metadata;
};

describe('the source address of a gRPC call', () => {
  it('reads IPv4, IPv6 and other peers', () => {
    expect(peerAddress('10.1.2.3:5000')).toBe('10.1.2.3');
    expect(peerAddress('[::1]:5000')).toBe('::1');
    expect(peerAddress('ipv4:10.1.2.3:5000')).toBe('10.1.2.3');
    expect(peerAddress('ipv6:[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(peerAddress('unix:/tmp/keyring.sock')).toBe('unix:/tmp/keyring.sock');
  });

  it('is the peer when no proxy is trusted, whatever x-forwarded-for claims', () => {
    expect(grpcSourceIp('ipv4:10.1.2.3:5000', forwardedFor('203.0.113.9'), compileTrust([]))).toBe(
      '10.1.2.3',
    );
  });

  it('believes x-forwarded-for from a trusted proxy only', () => {
    const trust = compileTrust(['10.0.0.0/8']);
    expect(grpcSourceIp('ipv4:10.1.2.3:5000', forwardedFor('203.0.113.9'), trust)).toBe('203.0.113.9');
    expect(grpcSourceIp('ipv4:192.0.2.1:5000', forwardedFor('203.0.113.9'), trust)).toBe('192.0.2.1');
  });

  it('records an IPv4 client of a dual-stack socket as IPv4', () => {
    expect(grpcSourceIp('ipv6:[::ffff:10.0.0.7]:5000', new Metadata(), compileTrust([]))).toBe('10.0.0.7');
  });
});
