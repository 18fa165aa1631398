import {
  createCredential,
  existingCredential,
  hashOf,
  issueToken,
  NOW,
} from '../testing/credential-fixtures';
import type { CredentialCommand } from './commands';
import { decide } from './decide';
import type { CredentialEvent } from './events';
import { fold } from './evolve';

/** Names that may hold a secret's value; only its id, hash, hint and lifetime are allowed in events. */
const SECRET_ISH = /secret|password|plain|credential_value/i;
const ALLOWED = new Set(['secretId', 'secretHash', 'secretLifetimeDays']);

function fieldNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(fieldNames);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...fieldNames(inner)]);
}

/** Runs a credential's whole life, refused token request included, and collects every event. */
function everyEventOfALife(): CredentialEvent[] {
  const events: CredentialEvent[] = [];
  const run = (command: CredentialCommand) => {
    const decision = decide(command, fold(events), NOW);
    if (decision.refusal && decision.events.length === 0) throw decision.refusal;
    events.push(...decision.events);
  };
  run(createCredential());
  run({ type: 'UpdateCredential', changes: { name: 'Renamed', allowedIps: ['10.0.0.0/8'] } });
  run({
    type: 'GenerateSecret',
    secret: { secretId: 'secret-2', secretHash: hashOf('secret-2'), hint: 'kr_sec_…BBBB' },
  });
  run(issueToken({ sourceIp: '10.0.0.1', jti: 'jti-1' }));
  run(issueToken({ sourceIp: '192.0.2.1', jti: 'jti-2' }));
  run({ type: 'RevokeToken', jti: 'jti-1' });
  run({ type: 'DeleteSecret', secretId: 'secret-1' });
  run({ type: 'RevokeCredential' });
  return events;
}

describe("a secret's plaintext never enters an event", () => {
  const events = everyEventOfALife();

  it('covers every kind of event', () => {
    expect(new Set(events.map((event) => event.type))).toEqual(
      new Set([
        'CredentialCreated',
        'SecretGenerated',
        'CredentialUpdated',
        'TokenIssued',
        'TokenRequestRefused',
        'TokenRevoked',
        'SecretDeleted',
        'CredentialRevoked',
      ]),
    );
  });

  it('has no field named like a secret value', () => {
    const suspicious = fieldNames(events).filter((name) => SECRET_ISH.test(name) && !ALLOWED.has(name));
    expect(suspicious).toEqual([]);
  });

  it('never carries the hash a client presented', () => {
    expect(JSON.stringify(events.filter((event) => event.type !== 'SecretGenerated'))).not.toContain(
      hashOf('secret-1'),
    );
  });

  it('inspects nested field names (a check of the inspection itself)', () => {
    expect(fieldNames(existingCredential())).toContain('secretHash');
  });
});
