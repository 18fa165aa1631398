/**
 * How soon a WatchRevocations subscriber hears of a credential revoked over
 * REST, against the REST call's own duration measured in the same run: the
 * latency from the REST response to the stream message, and from the REST
 * request to it.
 *
 *   node --require ./scripts/ts-register.js test/bench/revocation-stream.bench.ts
 *
 * BENCH_REVOCATIONS (default 200) sets how many credentials are revoked, one after another.
 */
import { performance } from 'node:perf_hooks';
import { grpcClient } from '../support/grpc-clients';
import { adminClient, createClient } from '../support/oauth-clients';
import { startKeyring } from '../support/running-keyring';

const REVOCATIONS = Number(process.env.BENCH_REVOCATIONS ?? 200);

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const describe = (label: string, values: number[]) =>
  `${label.padEnd(34)} p50 ${percentile(values, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(values, 99)
    .toFixed(1)
    .padStart(6)} ms   max ${Math.max(...values)
    .toFixed(1)
    .padStart(6)} ms`;

async function main(): Promise<void> {
  const keyring = await startKeyring({ LOG_LEVEL: 'warn' });
  const grpc = grpcClient(keyring.grpcAddress);
  try {
    const admin = await adminClient(keyring, ['*']);
    const clients = [];
    for (let i = 0; i < REVOCATIONS; i += 1) clients.push(await createClient(keyring, admin.authorization));
    const arrivals = new Map<string, number>();
    const waiting = new Map<string, () => void>();
    const stream = grpc.stream('TokenService', 'WatchRevocations', { afterPosition: 0 }, admin.authorization);
    stream.on('data', (revocation: { clientId: string }) => {
      arrivals.set(revocation.clientId, performance.now());
      waiting.get(revocation.clientId)?.();
    });
    await new Promise((resolve) => setTimeout(resolve, 500));

    const restDurations: number[] = [];
    const fromResponse: number[] = [];
    const fromRequest: number[] = [];
    for (const { clientId } of clients) {
      const arrived = new Promise<void>((resolve) => waiting.set(clientId, resolve));
      const sent = performance.now();
      const response = await fetch(`${keyring.baseUrl}/v1/credentials/${clientId}`, {
        method: 'DELETE',
        headers: { authorization: admin.authorization },
      });
      const answered = performance.now();
      if (response.status !== 204) throw new Error(`Revoking ${clientId} answered ${response.status}`);
      await arrived;
      const at = arrivals.get(clientId)!;
      restDurations.push(answered - sent);
      fromResponse.push(Math.max(0, at - answered));
      fromRequest.push(at - sent);
    }
    stream.cancel();
    console.log(`WatchRevocations: ${REVOCATIONS} credentials revoked over REST, one at a time`);
    console.log(describe('REST DELETE (baseline)', restDurations));
    console.log(describe('REST request → stream message', fromRequest));
    console.log(describe('REST response → stream message', fromResponse));
    console.log(
      `${fromResponse.filter((latency) => latency === 0).length} of ${REVOCATIONS} arrived before the REST response`,
    );
  } finally {
    grpc.close();
    await keyring.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
