/**
 * A compile-time check that one shape restates exactly the keys of another.
 *
 * Edges that describe a credential's fields with decorators (DTO and OpenAPI
 * classes) cannot be derived from a type, and `implements` alone lets an
 * optional field be forgotten silently. Asserting the keys are the same
 * makes "added a field to the domain, forgot the edge" a compile error that
 * names the field:
 *
 *   type _Body = Assert<SameKeys<CreateCredentialDto, CreationBody>>;
 */

/** `true` when A and B have the same keys, optional or not; otherwise the keys only one of them has. */
export type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : { readonly onlyInFirst: Exclude<keyof A, keyof B>; readonly onlyInSecond: Exclude<keyof B, keyof A> };

/** Compiles only when the check is `true`. */
export type Assert<Check extends true> = Check;
