/**
 * A realistic event log for the replay benchmark, as appends in the order the
 * service would have made them: credentials created early on, a secret or
 * three each, refused requests, updates and revocations, and, for most of
 * the log, 1-hour tokens. The clock moves so that an average credential asks
 * for a token every hour or two (a few seconds per event with 2000
 * credentials): most tokens expire before the next, and the projector's
 * pruning runs, as in production.
 * Choices come from a seeded generator, so every run builds the same mix.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  CREDENTIAL_EVENT_SCHEMA_VERSION,
  type CredentialEvent,
  credentialStreamName,
  FIELD_LIMITS,
} from '@keyring/domain';
import { type ExpectedRevision, NO_STREAM, type NewEvent } from '@keyring/event-store';
import { UNLIMITED_REACH } from '@keyring/domain';
import type { Actor, CommandContext } from '../../apps/keyring/src/platform/context/command-context';
import { toNewEvent } from '../../apps/keyring/src/credential-store/event-envelope';

export interface ReplayAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
}

export interface EventMixOptions {
  /** Events to generate (the last append may overshoot by one event). */
  readonly events: number;
  readonly credentials: number;
  readonly start: Date;
}

const TOKEN_LIFETIME_MS = 3_600_000;
const SECRET_LIFETIME_DAYS = 90;
const APIS = ['messaging:send', 'messaging:read', 'numbers:read', 'numbers:write', 'reports:read'];
const REFUSALS = ['INVALID_CLIENT_SECRET', 'IP_NOT_ALLOWED', 'INVALID_SCOPE'] as const;
/** Every credential is created in the first tenth of the log; 5% are revoked in its last 3%. */
const CREATION_SHARE = 0.1;
const REVOCATION_START = 0.97;
const REVOKED_CREDENTIALS = 0.05;
/** With 2000 credentials, 1 to 5 seconds between events; fewer credentials, slower time. */
const MEAN_STEP_MS_PER_CREDENTIAL = 3000 * 2000;

interface SimulatedCredential {
  readonly clientId: string;
  readonly stream: string;
  readonly sourceIp: string;
  apis: string[];
  /** Revision of the stream's last event; -1 before the first. */
  revision: number;
  activeSecretIds: string[];
  secretsStillToGenerate: number;
  liveTokens: { readonly jti: string; readonly expiresAt: number }[];
  revoked: boolean;
}

/** mulberry32: small, fast and seedable; the mix, not the UUIDs, is what must repeat. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const versioned = <Event extends CredentialEvent>(type: Event['type'], data: Event['data']): Event =>
  ({ type, schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION, data }) as Event;

export function* replayAppends(options: EventMixOptions): Generator<ReplayAppend> {
  const random = seededRandom(20250101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const credentials: SimulatedCredential[] = [];
  const admins: Actor[] = Array.from({ length: 5 }, (_, index) => ({
    type: 'client',
    id: randomUUID(),
    onBehalfOf: `operator-${index + 1}@example.com`,
  }));
  const meanStepMs = MEAN_STEP_MS_PER_CREDENTIAL / options.credentials;
  let clock = options.start.getTime();
  /** `clock` as ISO-8601, formatted once per step: formatting dates is a large part of generating. */
  let now = '';
  let emitted = 0;
  let revocationsDone = 0;

  /** One command's append, with the metadata `toNewEvent` gives it in the service. */
  const append = (
    credential: SimulatedCredential,
    events: CredentialEvent[],
    actor: Actor,
    sourceIp: string,
  ): ReplayAppend => {
    const requestId = randomUUID();
    const context: CommandContext = {
      actor,
      requestId,
      sourceIp,
      correlationId: requestId,
      reach: UNLIMITED_REACH,
    };
    const causationId = randomUUID();
    const occurredAt = new Date(clock);
    const expected = credential.revision < 0 ? NO_STREAM : credential.revision;
    credential.revision += events.length;
    emitted += events.length;
    const newEvents = events.map((event) => toNewEvent(event, context, causationId, occurredAt));
    return { stream: credential.stream, events: newEvents, expected };
  };
  const byAdmin = (credential: SimulatedCredential, events: CredentialEvent[]) =>
    append(credential, events, pick(admins), `10.20.0.${1 + Math.floor(random() * 20)}`);
  const byClient = (credential: SimulatedCredential, event: CredentialEvent) =>
    append(
      credential,
      [event],
      { type: 'client', id: credential.clientId, onBehalfOf: null },
      credential.sourceIp,
    );

  const secretGenerated = (credential: SimulatedCredential) => {
    const secretId = randomUUID();
    credential.activeSecretIds.push(secretId);
    return versioned('SecretGenerated', {
      clientId: credential.clientId,
      secretId,
      secretHash: randomBytes(32).toString('hex'),
      hint: `kr_sec_…${randomBytes(3).toString('base64url')}`,
      createdAt: now,
      expiresAt: new Date(clock + SECRET_LIFETIME_DAYS * 86_400_000).toISOString(),
    });
  };

  const create = (): ReplayAppend => {
    const clientId = randomUUID();
    const credential: SimulatedCredential = {
      clientId,
      stream: credentialStreamName(clientId),
      sourceIp: `203.0.${113 + (credentials.length % 3)}.${credentials.length % 250}`,
      apis: APIS.filter(() => random() < 0.6),
      revision: -1,
      activeSecretIds: [],
      secretsStillToGenerate: Math.floor(random() * 3),
      liveTokens: [],
      revoked: false,
    };
    credentials.push(credential);
    const created = versioned('CredentialCreated', {
      clientId,
      name: `service-${credentials.length}`,
      description: `Sends notifications for team ${credentials.length % 40}`,
      environment: pick(['development', 'staging', 'production'] as const),
      accounts: Array.from({ length: 1 + Math.floor(random() * 3) }, () => `99${Math.floor(random() * 1e5)}`),
      roles: ['messaging:client'],
      apis: credential.apis,
      allowedIps: random() < 0.5 ? [] : [`${credential.sourceIp}/32`],
      secretLifetimeDays: SECRET_LIFETIME_DAYS,
      createdAt: now,
    });
    return byAdmin(credential, [created, secretGenerated(credential)]);
  };

  const refused = (credential: SimulatedCredential, reason: string, secretId: string | null) =>
    byClient(
      credential,
      versioned('TokenRequestRefused', {
        clientId: credential.clientId,
        reason,
        sourceIp: credential.sourceIp,
        requestedScope: random() < 0.5 ? null : [pick(APIS)],
        secretId,
        refusedAt: now,
      }),
    );

  const issueToken = (credential: SimulatedCredential): ReplayAppend => {
    credential.liveTokens = credential.liveTokens.filter((token) => token.expiresAt > clock);
    const secretId = credential.activeSecretIds[credential.activeSecretIds.length - 1];
    if (credential.liveTokens.length >= FIELD_LIMITS.maxActiveTokens) {
      return refused(credential, 'TOKEN_LIMIT_REACHED', secretId);
    }
    const jti = randomUUID();
    credential.liveTokens.push({ jti, expiresAt: clock + TOKEN_LIFETIME_MS });
    return byClient(
      credential,
      versioned('TokenIssued', {
        clientId: credential.clientId,
        jti,
        secretId,
        issuedAt: now,
        expiresAt: new Date(clock + TOKEN_LIFETIME_MS).toISOString(),
        scope: credential.apis,
        sourceIp: credential.sourceIp,
      }),
    );
  };

  /** Most requests come from the oldest credentials; a client at its token limit waits, and another one asks. */
  const busyCredential = (): SimulatedCredential => {
    let credential = credentials[0];
    for (let attempt = 0; attempt < 3; attempt++) {
      credential = credentials[Math.floor(credentials.length * random() ** 1.3)];
      credential.liveTokens = credential.liveTokens.filter((token) => token.expiresAt > clock);
      if (credential.liveTokens.length < FIELD_LIMITS.maxActiveTokens) break;
    }
    return credential;
  };

  const revokeToken = (credential: SimulatedCredential): ReplayAppend => {
    if (credential.liveTokens.length === 0) return issueToken(credential);
    const { jti } = pick(credential.liveTokens);
    credential.liveTokens = credential.liveTokens.filter((token) => token.jti !== jti);
    return byClient(
      credential,
      versioned('TokenRevoked', { clientId: credential.clientId, jti, revokedAt: now, reason: 'requested' }),
    );
  };

  const update = (credential: SimulatedCredential): ReplayAppend => {
    if (random() < 0.3) credential.apis = APIS.filter(() => random() < 0.6);
    const changes = random() < 0.3 ? { apis: credential.apis } : { description: `Reviewed ${now}` };
    return byAdmin(credential, [
      versioned('CredentialUpdated', { clientId: credential.clientId, changes, updatedAt: now }),
    ]);
  };

  /** At most two secrets are active, so a rotation deletes the older one first. */
  function* rotateSecret(credential: SimulatedCredential): Generator<ReplayAppend> {
    if (credential.activeSecretIds.length >= FIELD_LIMITS.maxActiveSecrets) {
      const secretId = credential.activeSecretIds.shift() as string;
      yield byAdmin(credential, [
        versioned('SecretDeleted', { clientId: credential.clientId, secretId, deletedAt: now }),
      ]);
    }
    credential.secretsStillToGenerate--;
    yield byAdmin(credential, [secretGenerated(credential)]);
  }

  function* act(credential: SimulatedCredential): Generator<ReplayAppend> {
    const roll = random();
    if (credential.revoked) yield refused(credential, 'CREDENTIAL_REVOKED', null);
    else if (roll < 0.02) {
      const reason = pick(REFUSALS);
      yield refused(
        credential,
        reason,
        reason === 'INVALID_CLIENT_SECRET' ? null : credential.activeSecretIds[0],
      );
    } else if (roll < 0.04) yield revokeToken(credential);
    else if (roll < 0.045) yield update(credential);
    else if (roll < 0.047 && credential.secretsStillToGenerate > 0) yield* rotateSecret(credential);
    else yield issueToken(credential);
  }

  while (emitted < options.events) {
    clock += Math.round(meanStepMs * (1 / 3 + (random() * 4) / 3));
    now = new Date(clock).toISOString();
    const progress = emitted / options.events;
    const dueCreations = Math.ceil((options.credentials * progress) / CREATION_SHARE);
    const dueRevocations = Math.floor(
      (options.credentials * REVOKED_CREDENTIALS * (progress - REVOCATION_START)) / (1 - REVOCATION_START),
    );
    if (credentials.length < Math.min(options.credentials, Math.max(1, dueCreations))) yield create();
    else if (revocationsDone < dueRevocations) {
      const credential = pick(credentials.filter((candidate) => !candidate.revoked));
      credential.revoked = true;
      revocationsDone++;
      yield byAdmin(credential, [
        versioned('CredentialRevoked', {
          clientId: credential.clientId,
          revokedAt: now,
          reason: 'decommissioned',
        }),
      ]);
    } else yield* act(busyCredential());
  }
}
