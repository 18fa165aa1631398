/**
 * The richer error model gRPC clients understand (google.rpc.Status in the
 * `grpc-status-details-bin` trailer): ErrorInfo carries our error code,
 * BadRequest the field violations, RetryInfo when to try again. Defined
 * here with protobufjs rather than shipped as .proto files; field numbers
 * follow googleapis' google/rpc/status.proto and error_details.proto.
 */
import { Metadata } from '@grpc/grpc-js';
import * as protobuf from 'protobufjs';
import type { FieldViolation } from '@keyring/domain';

export const STATUS_DETAILS_KEY = 'grpc-status-details-bin';
export const ERROR_DOMAIN = 'keyring';

const root = protobuf.Root.fromJSON({
  nested: {
    google: {
      nested: {
        protobuf: {
          nested: {
            Any: { fields: { type_url: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 } } },
            Duration: { fields: { seconds: { type: 'int64', id: 1 }, nanos: { type: 'int32', id: 2 } } },
          },
        },
        rpc: {
          nested: {
            Status: {
              fields: {
                code: { type: 'int32', id: 1 },
                message: { type: 'string', id: 2 },
                details: { rule: 'repeated', type: 'google.protobuf.Any', id: 3 },
              },
            },
            ErrorInfo: {
              fields: {
                reason: { type: 'string', id: 1 },
                domain: { type: 'string', id: 2 },
                metadata: { keyType: 'string', type: 'string', id: 3 },
              },
            },
            BadRequest: {
              fields: { field_violations: { rule: 'repeated', type: 'FieldViolation', id: 1 } },
              nested: {
                FieldViolation: {
                  fields: { field: { type: 'string', id: 1 }, description: { type: 'string', id: 2 } },
                },
              },
            },
            RetryInfo: { fields: { retry_delay: { type: 'google.protobuf.Duration', id: 1 } } },
          },
        },
      },
    },
  },
} as protobuf.INamespace);

const Status = root.lookupType('google.rpc.Status');
const ErrorInfo = root.lookupType('google.rpc.ErrorInfo');
const BadRequest = root.lookupType('google.rpc.BadRequest');
const RetryInfo = root.lookupType('google.rpc.RetryInfo');

const anyOf = (type: protobuf.Type, value: Record<string, unknown>) => ({
  type_url: `type.googleapis.com/${type.fullName.slice(1)}`,
  value: type.encode(type.fromObject(value)).finish(),
});

export interface StatusDetails {
  readonly code: number;
  readonly message: string;
  /** Our error code, as REST's problem `code`. */
  readonly reason: string;
  readonly violations?: readonly FieldViolation[];
  readonly retryAfterSeconds?: number;
}

/** Trailing metadata carrying the encoded google.rpc.Status. */
export function statusDetailsMetadata(details: StatusDetails): Metadata {
  const any = [anyOf(ErrorInfo, { reason: details.reason, domain: ERROR_DOMAIN })];
  if (details.violations?.length) {
    any.push(
      anyOf(BadRequest, {
        field_violations: details.violations.map(({ field, message }) => ({ field, description: message })),
      }),
    );
  }
  if (details.retryAfterSeconds !== undefined) {
    any.push(anyOf(RetryInfo, { retry_delay: { seconds: details.retryAfterSeconds, nanos: 0 } }));
  }
  const metadata = new Metadata();
  const status = Status.fromObject({ code: details.code, message: details.message, details: any });
  metadata.set(STATUS_DETAILS_KEY, Buffer.from(Status.encode(status).finish()));
  return metadata;
}

/** What a `grpc-status-details-bin` value says: for clients and tests. */
export function decodeStatusDetails(bytes: Buffer): StatusDetails {
  const status = Status.toObject(Status.decode(bytes), { longs: Number, defaults: true }) as {
    code: number;
    message: string;
    details: { type_url: string; value: Uint8Array }[];
  };
  let reason = '';
  let violations: FieldViolation[] | undefined;
  let retryAfterSeconds: number | undefined;
  for (const detail of status.details) {
    const name = detail.type_url.split('/').pop();
    if (name === 'google.rpc.ErrorInfo') {
      reason = (ErrorInfo.toObject(ErrorInfo.decode(detail.value)) as { reason: string }).reason;
    } else if (name === 'google.rpc.BadRequest') {
      const decoded = BadRequest.toObject(BadRequest.decode(detail.value), { defaults: true }) as {
        field_violations: { field: string; description: string }[];
      };
      violations = decoded.field_violations.map(({ field, description }) => ({
        field,
        message: description,
      }));
    } else if (name === 'google.rpc.RetryInfo') {
      const decoded = RetryInfo.toObject(RetryInfo.decode(detail.value), {
        longs: Number,
        defaults: true,
      }) as {
        retry_delay: { seconds: number };
      };
      retryAfterSeconds = decoded.retry_delay.seconds;
    }
  }
  return { code: status.code, message: status.message, reason, violations, retryAfterSeconds };
}
