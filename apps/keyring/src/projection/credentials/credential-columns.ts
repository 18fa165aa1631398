/**
 * How the `credentials` table holds a credential's fields: one column per
 * field, named in snake_case, lists as JSON text. The projection writes and
 * the reader reads through these, so a field the domain gains without a
 * column here fails to compile.
 */
import type { CredentialFieldName, CredentialFields } from '@keyring/domain';

/** `allowedIps` → `allowed_ips`. */
type SnakeCase<Name extends string> = Name extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : Name;

type Stored<Value> = Value extends readonly string[] ? string : Value;

/** The columns of a `credentials` row that hold the fields, as SQLite returns them. */
export type CredentialFieldColumns = {
  readonly [Field in CredentialFieldName as SnakeCase<Field>]: Stored<CredentialFields[Field]>;
};

/** Each field's column, in the order of the table's columns. */
export const FIELD_COLUMNS: { readonly [Field in CredentialFieldName]: SnakeCase<Field> } = {
  name: 'name',
  description: 'description',
  environment: 'environment',
  accounts: 'accounts',
  roles: 'roles',
  apis: 'apis',
  allowedIps: 'allowed_ips',
  secretLifetimeDays: 'secret_lifetime_days',
};

export const STORED_FIELDS = Object.keys(FIELD_COLUMNS) as CredentialFieldName[];

/** A field's value as its column holds it. */
export const storedValue = (value: CredentialFields[CredentialFieldName]): string | number =>
  typeof value === 'object' ? JSON.stringify(value) : value;
