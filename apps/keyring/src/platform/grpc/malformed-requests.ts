/**
 * A request that is not a valid protobuf message would fail in grpc-js's
 * deserializer, which answers INTERNAL. Bad input must never read as our
 * fault, so each method's deserializer is wrapped: it hands the guard a
 * marker instead, and the guard answers INVALID_ARGUMENT.
 */
import type { MethodDefinition, PackageDefinition } from '@grpc/proto-loader';
import { Refusal } from '@keyring/domain';

const MALFORMED = Symbol('malformed request');

interface Malformed {
  readonly [MALFORMED]: string;
}

const isMethod = (value: unknown): value is MethodDefinition<unknown, unknown> =>
  typeof (value as MethodDefinition<unknown, unknown>).requestDeserialize === 'function';

/** Wraps the deserializers of every service method under `packageName`, in place. */
export function tolerateMalformedRequests(definition: PackageDefinition, packageName: string): void {
  for (const [name, service] of Object.entries(definition)) {
    if (!name.startsWith(`${packageName}.`)) continue;
    for (const method of Object.values(service)) {
      if (!isMethod(method)) continue;
      const deserialize = method.requestDeserialize;
      const messageName = (method.requestType.type as { name?: string }).name ?? 'request';
      method.requestDeserialize = (bytes: Buffer) => {
        try {
          return deserialize(bytes);
        } catch {
          return { [MALFORMED]: messageName } satisfies Malformed;
        }
      };
    }
  }
}

/** Refuses a request the deserializer could not read. */
export function assertWellFormed(request: unknown): void {
  const message = (request as Partial<Malformed> | null)?.[MALFORMED];
  if (message === undefined) return;
  throw new Refusal('MALFORMED_REQUEST', `The request is not a valid credentials.v1.${message} message`);
}
