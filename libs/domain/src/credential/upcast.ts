/**
 * Turns a stored event of any schema version into today's shape. When a
 * schema changes, add a step from the old version to the next one here and
 * bump CREDENTIAL_EVENT_SCHEMA_VERSION, and old streams keep reading.
 */
import {
  CREDENTIAL_EVENT_SCHEMA_VERSION,
  CREDENTIAL_EVENT_TYPES,
  type CredentialEvent,
  type CredentialEventType,
} from './events';

/** Converts one event's data from version `from` to `from + 1`. */
type UpcastStep = (data: unknown) => unknown;

const unchanged: UpcastStep = (data) => data;

/** Version 2 gave TokenRevoked its reason; every revocation before it was asked for by someone. */
const tokenRevokedWithReason: UpcastStep = (data) => ({ reason: 'requested', ...(data as object) });

/** Steps per event type, keyed by the version they upgrade from. */
const UPCAST_STEPS: Record<CredentialEventType, Readonly<Record<number, UpcastStep>>> = {
  CredentialCreated: { 1: unchanged },
  CredentialUpdated: { 1: unchanged },
  SecretGenerated: { 1: unchanged },
  SecretDeleted: { 1: unchanged },
  TokenIssued: { 1: unchanged },
  TokenRevoked: { 1: tokenRevokedWithReason },
  CredentialRevoked: { 1: unchanged },
  TokenRequestRefused: { 1: unchanged },
  // Born in version 2: no version-1 event of this type was ever written.
  TokenRequestRefusalsCounted: { 1: unchanged },
};

const isCredentialEventType = (type: string): type is CredentialEventType =>
  (CREDENTIAL_EVENT_TYPES as readonly string[]).includes(type);

export function upcastCredentialEvent(type: string, schemaVersion: number, data: unknown): CredentialEvent {
  if (!isCredentialEventType(type)) throw new Error(`Unknown credential event type ${JSON.stringify(type)}`);
  if (
    !Number.isInteger(schemaVersion) ||
    schemaVersion < 1 ||
    schemaVersion > CREDENTIAL_EVENT_SCHEMA_VERSION
  ) {
    throw new Error(
      `${type} has schema version ${schemaVersion}; this build reads versions 1 to ${CREDENTIAL_EVENT_SCHEMA_VERSION}`,
    );
  }
  if (typeof data !== 'object' || data === null) throw new Error(`${type} data must be an object`);
  let upcast: unknown = data;
  for (let version = schemaVersion; version < CREDENTIAL_EVENT_SCHEMA_VERSION; version++) {
    const step = UPCAST_STEPS[type][version];
    if (!step) throw new Error(`No upcaster for ${type} from schema version ${version}`);
    upcast = step(upcast);
  }
  return { type, schemaVersion: CREDENTIAL_EVENT_SCHEMA_VERSION, data: upcast } as CredentialEvent;
}
