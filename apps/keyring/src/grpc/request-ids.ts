/** Ids in gRPC requests: absent is INVALID_ARGUMENT; anything but one of our UUIDs names nothing (NOT_FOUND), as on REST. */
import { ClientIdPipe, SecretIdPipe } from '../credentials/id-params.pipe';
import { GrpcRefusal } from './grpc-refusal';

const clientIds = new ClientIdPipe();
const secretIds = new SecretIdPipe();

function required(value: string, field: string): string {
  if (value === '') throw GrpcRefusal.invalidArgument([{ field, message: `${field} is required` }]);
  return value;
}

export const clientIdOf = (value: string): string => clientIds.transform(required(value, 'client_id'));
export const secretIdOf = (value: string): string => secretIds.transform(required(value, 'secret_id'));
