/**
 * The credential service's messages as the proto loader gives and takes
 * them (camelCase fields, enum names, null or '' for "none"), and their
 * translation to and from the views REST returns. Views map almost field
 * for field, so both interfaces show the same thing.
 */
import type { CredentialView } from '../../projection/credentials/credential.view';
import type { CreatedCredential } from '../create-credential.command';
import type { IssuedSecretView } from '../issued-secret';
import type { ActiveTokenView } from '../../projection/credentials/credential-reader';
import type { Page } from '../../platform/pagination/page-cursor';
import { fromProtoEnum, toProtoEnum, toProtoSecretStatus } from '../../platform/grpc/proto-enums';
import { given } from '../../platform/grpc/proto-values';

/** An enum field: its name, or its number when the contract defines none for it. */
type ProtoEnum = string | number;

export interface CredentialFieldsMessage {
  readonly name: string;
  readonly description: string;
  readonly environment: ProtoEnum;
  readonly accounts: string[];
  readonly roles: string[];
  readonly apis: string[];
  readonly allowedIps: string[];
  readonly secretExpiresInDays?: number;
}

export interface StringListMessage {
  readonly values: string[];
}

export interface UpdateRequestMessage {
  readonly clientId: string;
  readonly name?: string;
  readonly description?: string;
  readonly accounts: StringListMessage | null;
  readonly roles: StringListMessage | null;
  readonly apis: StringListMessage | null;
  readonly allowedIps: StringListMessage | null;
}

export interface ListRequestMessage {
  readonly account: string;
  readonly status: ProtoEnum;
  readonly environment: ProtoEnum;
  readonly expiringWithinDays?: number;
  readonly limit: number;
  readonly cursor: string;
}

/** A create request's fields in the shape of REST's CreateCredentialDto, for the same validation. */
export const createFieldsPlain = (fields: CredentialFieldsMessage) => ({
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
  const changes: Record<string, unknown> = {
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
