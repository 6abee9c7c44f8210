// `npm run bench`: every bench in the repo, one after another, figures printed as a table.
import { benchClassifier } from './classifier.ts';

const which = new Set(process.argv.slice(2));
const all = which.size === 0;

if (all || which.has('classifier')) {
  console.log('== classifier (one core) ==');
  console.table(await benchClassifier());
}
if (all || which.has('pipeline')) {
  const { benchPipeline } = await import('./pipeline.ts');
  console.log('== pipeline: fetch → classify → stored finding (local redis-server) ==');
  console.table(await benchPipeline());
}
