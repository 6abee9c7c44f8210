// The secret that signs review links and sessions: UITKIJK_SECRET, or — when it is not set — one
// made once and kept in the data folder (mode 0600), so the embedded default works out of the box
// and links stay valid across restarts. Processes on several machines need the same secret, so
// they must set UITKIJK_SECRET; the log says which one is in use, never the secret itself.

import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UitkijkError } from '../errors.ts';

export const SECRET_FILE = 'review-secret';

export function signingSecret(fromEnv: string | undefined, dataDir: string): { secret: string; from: 'env' | 'file' } {
  if (fromEnv !== undefined) {
    if (fromEnv.length < 16) {
      throw new UitkijkError(
        'CONFIG_INVALID',
        'UITKIJK_SECRET is te kort: gebruik minstens 16 willekeurige tekens (bijvoorbeeld de uitvoer van `openssl rand -hex 32`).',
      );
    }
    return { secret: fromEnv, from: 'env' };
  }
  const path = join(dataDir, SECRET_FILE);
  try {
    const kept = readFileSync(path, 'utf8').trim();
    if (kept.length >= 16) return { secret: kept, from: 'file' };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const made = randomBytes(32).toString('hex');
  // 'wx': of two processes starting at once only one writes; the other reads what it wrote.
  try {
    writeFileSync(path, made + '\n', { mode: 0o600, flag: 'wx' });
    return { secret: made, from: 'file' };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return { secret: readFileSync(path, 'utf8').trim(), from: 'file' };
  }
}
