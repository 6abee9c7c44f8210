// Cluster bench: the pipeline bench (bench/pipeline.ts) — 50,000 distinct items from a fetch job
// through classification to stored findings — on a private three-master Redis Cluster on
// 127.0.0.1 (REDIS_URL redis+cluster://…), next to the same run on one redis-server. Every key
// of a deployment shares its hash tag, so one deployment lives on one slot, i.e. on one master:
// the cluster spreads deployments over masters, and this shows what one deployment pays for
// running on a cluster (redirect-aware client, slot routing) rather than a speed-up.

import { benchPipeline, runPipeline } from './pipeline.ts';
import type { PipelineFigures } from './pipeline.ts';
import { startRedisCluster } from '../test/support/redis-cluster.ts';

export interface ClusterBenchOptions {
  items?: number;
  /** The single-server figures, when they were just measured (`npm run bench pipeline cluster`). */
  single?: PipelineFigures;
}

const COLUMNS = ['items', 'findingsStored', 'seconds', 'itemsPerSecond', 'redisCommandsPerItem', 'redisRoundTripsPerItem'] as const;

const row = (f: PipelineFigures) => Object.fromEntries(COLUMNS.map((c) => [c, f[c]]));

/** The pipeline on the cluster, as rows next to the single server's. */
export async function benchCluster(opts: ClusterBenchOptions = {}): Promise<Record<string, Record<string, number | string | undefined>>> {
  const items = opts.items ?? 50_000;
  const single = opts.single ?? (await benchPipeline(items));
  const cluster = await startRedisCluster();
  let onCluster: PipelineFigures;
  try {
    onCluster = await runPipeline(cluster.url, items);
  } finally {
    await cluster.stop();
  }
  return { 'one redis-server': row(single), 'Redis Cluster, 3 masters': row(onCluster) };
}
