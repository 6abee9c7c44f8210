#!/usr/bin/env -S node --max-semi-space-size=8
// Thin launcher: Node 24 runs the TypeScript sources directly (type stripping). The V8 flag on
// the first line (also in `npm start` and `npm run bench`; test/cli/launch-flags.test.ts keeps
// them equal) caps the young generation at 2 × 8 MB: V8's default on a machine with a few GB
// lets it grow to 128 MB, which a stream consumer reading thousands of events a second fills
// with short-lived garbage that stays resident. (16 MB cost the consumer 10–15 MB more at its
// peak; the classifier's rate is the same with either, `npm run bench`.)
//
// The compile cache (node:module enableCompileCache; NODE_COMPILE_CACHE chooses its directory,
// by default under the system's temporary directory) keeps the type-stripped and compiled
// sources on disk: every start after the first loads them from there, without loading the
// TypeScript stripper (about 30 MB resident) and in a third of the time. It holds code only.
// The sources are imported after it is enabled, hence the dynamic import.
import { enableCompileCache } from 'node:module';

enableCompileCache();
const { main } = await import('../src/cli/main.ts');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  },
);
