#!/usr/bin/env -S node --max-semi-space-size=16
// Thin launcher: Node 24 runs the TypeScript sources directly (type stripping). The V8 flag on
// the first line (also in `npm start` and `npm run bench`; test/cli/launch-flags.test.ts keeps
// them equal) caps the young generation at 2 × 16 MB: V8's default on a machine with a few GB
// lets it grow to 128 MB, which a stream consumer reading thousands of events a second fills
// with short-lived garbage that stays resident.
import { main } from '../src/cli/main.ts';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  },
);
