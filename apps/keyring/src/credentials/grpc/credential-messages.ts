/**
 * The credential service's messages as the proto loader gives and takes
 * them (camelCase fields, enum names, null or '' for "none"), and their
 * translation to and from the views REST returns. Request messages derive
 * from the REST bodies' fields, and responses spread the views, so both
 * interfaces show the same thing.
 */
import type { CredentialChanges, Environment } from '@keyring/domain';
import type { CredentialView } from '../../projection/credentials/credential.view';
import type { CreatedCredential } from '../create-credential.command';
import type { CreationBody } from '../dto/create-credential.dto';
import type { IssuedSecretView } from '../issued-secret';
import type { ActiveTokenView } from '../../projection/credentials/credential-reader';
import type { Page } from '../../platform/pagination/page-cursor';
import { fromProtoEnum, toProtoEnum, toProtoSecretStatus } from '../../platform/grpc/proto-enums';
import { given } from '../../platform/grpc/proto-values';

/** An enum field: its name, or its number when the contract defines none for it. */
type ProtoEnum = string | number;

/** A field's value as the proto loader gives it: enums by name or number, lists as plain arrays. */
type InProto<Value> = Value extends Environment
  ? ProtoEnum
  : Value extends readonly string[]
    ? string[]
    : Value;

/** Proto3 gives every field a value (its default when unset) but an `optional` scalar. */
type OptionalInProto = 'secretExpiresInDays';

export type CredentialFieldsMessage = {
  readonly [Field in Exclude<keyof CreationBody, OptionalInProto>]-?: InProto<Required<CreationBody>[Field]>;
} & { readonly [Field in OptionalInProto]?: InProto<Required<CreationBody>[Field]> };

export interface StringListMessage {
  readonly values: string[];
}

type Changes = Required<CredentialChanges>;
/** The lists an update may change: wrapped in a StringList, so that an empty list differs from none. */
type ListChange = {
  [Field in keyof Changes]: Changes[Field] extends readonly string[] ? Field : never;
}[keyof Changes];

export type UpdateRequestMessage = { readonly clientId: string } & {
  readonly [Field in ListChange]: StringListMessage | null;
} & { readonly [Field in Exclude<keyof Changes, ListChange>]?: Changes[Field] };

/** Every field of a body, present even when unset, so a translation that forgets one fails to compile. */
type EveryFieldOf<Body> = { readonly [Field in keyof Body]-?: unknown };

export interface ListRequestMessage {
  readonly account: string;
  readonly status: ProtoEnum;
  readonly environment: ProtoEnum;
  readonly expiringWithinDays?: number;
  readonly limit: number;
  readonly cursor: string;
}

/** A create request's fields in the shape of REST's CreateCredentialDto, for the same validation. */
export const createFieldsPlain = (fields: CredentialFieldsMessage): EveryFieldOf<CreationBody> => ({
  name: fields.name,
  description: given(fields.description),
  environment: fromProtoEnum(fields.environment),
  accounts: fields.accounts,
  roles: fields.roles,
  apis: fields.apis,
  allowedIps: fields.allowedIps,
  secretExpiresInDays: fields.secretExpiresInDays,
});

/** Only the fields present change; a present StringList may be empty. */
export function updateChangesPlain(request: UpdateRequestMessage): Record<string, unknown> {
  const changes: EveryFieldOf<CredentialChanges> = {
    name: request.name,
    description: request.description,
    accounts: request.accounts?.values,
    roles: request.roles?.values,
    apis: request.apis?.values,
    allowedIps: request.allowedIps?.values,
  };
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}

export const listParamsPlain = (request: ListRequestMessage) => ({
  account: given(request.account),
  status: fromProtoEnum(request.status),
  environment: fromProtoEnum(request.environment),
  expiringWithinDays: request.expiringWithinDays,
  limit: given(request.limit),
  cursor: given(request.cursor),
});

export const credentialMessage = (view: CredentialView) => ({
  ...view,
  environment: toProtoEnum(view.environment),
  status: toProtoEnum(view.status),
  secrets: view.secrets.map((secret) => ({ ...secret, status: toProtoSecretStatus(secret.status) })),
});

export const issuedSecretMessage = (secret: IssuedSecretView) => ({ ...secret });

export const createdMessage = (created: CreatedCredential) => ({
  credential: credentialMessage(created.credential),
  secret: issuedSecretMessage(created.secret),
});

export const listMessage = (page: Page<CredentialView>) => ({
  items: page.items.map(credentialMessage),
  nextCursor: page.nextCursor ?? '',
});

export const tokensMessage = (tokens: { items: ActiveTokenView[] }) => ({ items: tokens.items });
