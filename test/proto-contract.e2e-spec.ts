/**
 * The gRPC contract (issue 6) as a file the server, the tests and any
 * client load: it compiles, and it offers the services and methods the
 * interface promises, with the two server streams.
 */
import * as path from 'node:path';
import { loadSync } from '@grpc/proto-loader';

const PROTO = path.resolve(__dirname, '../proto/credentials/v1/credentials.proto');

interface MethodDefinition {
  readonly requestStream: boolean;
  readonly responseStream: boolean;
}

describe('the credentials.v1 proto contract', () => {
  const definition = loadSync(PROTO, { keepCase: false, longs: Number, enums: String, defaults: true });
  const service = (name: string) => definition[`credentials.v1.${name}`] as Record<string, MethodDefinition>;

  it.each([
    [
      'CredentialService',
      [
        'Create',
        'CreateBatch',
        'Get',
        'List',
        'Update',
        'GenerateSecret',
        'DeleteSecret',
        'Revoke',
        'ListTokens',
        'RevokeCredentialToken',
      ],
    ],
    ['TokenService', ['IssueToken', 'Introspect', 'RevokeToken', 'WatchRevocations']],
    ['AuditService', ['Query', 'Verify', 'StreamAudit', 'AccessAt']],
  ])('offers %s with its methods', (name, methods) => {
    expect(Object.keys(service(name)).sort()).toEqual([...methods].sort());
  });

  it('streams revocations and audit entries from the server, and nothing else', () => {
    const streaming = ['CredentialService', 'TokenService', 'AuditService'].flatMap((name) =>
      Object.entries(service(name))
        .filter(([, method]) => method.responseStream || method.requestStream)
        .map(([method, { requestStream, responseStream }]) => ({ method, requestStream, responseStream })),
    );

    expect(streaming).toEqual([
      { method: 'WatchRevocations', requestStream: false, responseStream: true },
      { method: 'StreamAudit', requestStream: false, responseStream: true },
    ]);
  });
});
