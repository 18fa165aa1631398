import type { Metadata } from '@grpc/grpc-js';
import './grpc-call';

/** Seconds since the call reached the server (0 when its arrival was not noted). */
export const secondsSinceArrival = (metadata: Metadata): number =>
  metadata.arrivedAt === undefined ? 0 : (performance.now() - metadata.arrivedAt) / 1000;
