// `npm run bench`: every bench in the repo, one after another, figures printed as a table.
// Name benches to run only those: `npm run bench pipeline cluster`.
import { benchClassifier } from './classifier.ts';
import type { PipelineFigures } from './pipeline.ts';

const which = new Set(process.argv.slice(2));
const all = which.size === 0;

if (all || which.has('classifier')) {
  console.log('== classifier (one core) ==');
  console.table(await benchClassifier());
}
if (all || which.has('matcher')) {
  const { benchMatcher } = await import('./matcher.ts');
  console.log('== matcher: 10,000 schools, one million Jetstream post events (one core) ==');
  console.table(benchMatcher());
}
if (all || which.has('stream')) {
  const { benchStream } = await import('./stream.ts');
  console.log('== stream: Jetstream consumer, 10,000 schools, one million events from a local Jetstream (in its own process) ==');
  console.table(await benchStream());
}
let pipeline: PipelineFigures | undefined;
if (all || which.has('pipeline')) {
  const { benchPipeline } = await import('./pipeline.ts');
  console.log('== pipeline: fetch → classify → stored finding (local redis-server) ==');
  pipeline = await benchPipeline();
  console.table(pipeline);
}
if (all || which.has('cluster')) {
  const { benchCluster } = await import('./cluster.ts');
  console.log('== cluster: the pipeline bench on a three-master Redis Cluster, next to one redis-server ==');
  // The single-server figure just measured is reused; run on its own, the cluster bench measures it too.
  console.table(await benchCluster({ single: pipeline }));
}
