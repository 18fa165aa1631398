import { clientIdOfStream, credentialStreamName } from './events';

describe('one event stream per credential', () => {
  it('is named after the client id, and gives the client id back', () => {
    const clientId = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
    expect(credentialStreamName(clientId)).toBe(`credential-${clientId}`);
    expect(clientIdOfStream(credentialStreamName(clientId))).toBe(clientId);
  });

  it('gives no client id for other streams', () => {
    expect(clientIdOfStream('$projections-audit')).toBeNull();
    expect(clientIdOfStream('credentials')).toBeNull();
  });
});
