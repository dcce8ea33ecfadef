/** A closed-loop load runner: `concurrency` workers issue `total` operations and time each. */
export interface Measurement {
  name: string;
  operations: number;
  /** operations (or items, for batches) per second */
  rate: number;
  p50: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export async function measure(
  name: string,
  total: number,
  concurrency: number,
  operation: (i: number) => Promise<unknown>,
  itemsPerOperation = 1,
): Promise<Measurement> {
  const latencies: number[] = [];
  let issued = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (issued < total) {
        const i = issued++;
        const t0 = process.hrtime.bigint();
        await operation(i);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    name,
    operations: total,
    rate: (total * itemsPerOperation) / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
