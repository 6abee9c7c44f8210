// Builds and sends one school's digest. First the open removal candidates are looked up again on
// their platform; those already gone are marked "al verwijderd op het platform" (with an audit
// entry by uitkijk) instead of being put to a moderator. Then each moderator gets one e-mail,
// sent exactly once per scheduled run through the same ledger as alerts, with links signed
// for that moderator. No candidates, no e-mail (unless `sendWhenEmpty`); with `skipUnchanged`,
// no e-mail either when the candidates are exactly those of the previous digest.

import { createHash } from 'node:crypto';
import type { AlertService } from '../alerts/service.ts';
import type { Config } from '../config/schema.ts';
import type { Finding } from '../finding.ts';
import type { Logger } from '../log.ts';
import type { AuditLog } from '../store/audit.ts';
import type { FindingStore } from '../store/findings.ts';
import type { Keys } from '../store/keys.ts';
import type { RedisClient } from '../store/scripts.ts';
import { signedLink } from '../review/tokens.ts';
import type { Signer } from '../review/tokens.ts';
import { maskText } from '../alerts/mask.ts';
import { renderDigest } from './render.ts';
import { digestSettings } from './schedule.ts';

export interface DigestDeps {
  config: () => Config;
  findings: () => FindingStore;
  audit: AuditLog;
  alerts: Pick<AlertService, 'sendOnce'>;
  signer: Signer;
  baseUrl: () => string;
  redis: RedisClient;
  keys: Keys;
  log: Logger;
  /** Which of these findings' items are still on their platform (connectors' stillThere). */
  stillThere: (findings: Finding[]) => Promise<Map<string, boolean>>;
  platformName: (f: Finding) => string;
  reasons: (f: Finding, masked: string) => string[];
  now?: () => number;
}

export interface DigestOutcome {
  school: string;
  candidates: number;
  gone: number;
  sent: number;
  skipped: 'no-moderators' | 'empty' | null;
}

const OPEN_LIMIT = 1000;
const DAY_MS = 24 * 3600 * 1000;

/** A short, stable tag for an address, for keys and file names (never the address itself). */
export const addressTag = (email: string) => createHash('sha256').update(email.toLowerCase()).digest('base64url').slice(0, 12);

/**
 * Runs the digest of one school for one scheduled run (`runKey`, the same for every retry of
 * that run). Throws when the mail server fails; a retry sends only what was not sent yet.
 */
export async function runDigest(deps: DigestDeps, schoolId: string, runKey: string): Promise<DigestOutcome> {
  const now = deps.now ?? Date.now;
  const log = deps.log.child({ module: 'digest', school: schoolId });
  const config = deps.config();
  const school = config.schools.find((s) => s.id === schoolId);
  if (!school || school.moderators.length === 0) return { school: schoolId, candidates: 0, gone: 0, sent: 0, skipped: 'no-moderators' };
  const settings = digestSettings(config, schoolId);

  const store = deps.findings();
  const open = (await store.listByStatus('open', OPEN_LIMIT)).filter((f) => f.item.school === schoolId && f.removalCandidate);
  let there = new Map<string, boolean>();
  try {
    there = await deps.stillThere(open);
  } catch (err) {
    log.warn({ reason: (err as Error).message }, 'digest: kandidaten niet opnieuw op te zoeken; ze blijven open');
  }
  let gone = 0;
  const candidates: Finding[] = [];
  for (const f of open) {
    if (there.get(f.item.id) === false) {
      const moved = await store.moveFinding(f.id, 'gone', 'open');
      if (moved.moved) {
        gone += 1;
        await deps.audit.append({ school: schoolId, finding: f.id, actor: 'uitkijk', action: 'gone', from: 'open', to: 'gone' });
        await store.expireAfterDecision(f.id, config.retention.findingsDays);
      }
      continue;
    }
    candidates.push(f);
  }
  if (candidates.length === 0 && !settings.sendWhenEmpty) {
    log.info({ gone }, 'digest: geen open kandidaten; geen e-mail');
    return { school: schoolId, candidates: 0, gone, sent: 0, skipped: 'empty' };
  }
  // Most severe first, then newest.
  const rank = { hoog: 0, middel: 1, laag: 2 } as const;
  candidates.sort((a, b) => rank[a.severity] - rank[b.severity] || b.createdAt.localeCompare(a.createdAt));
  const fingerprint = createHash('sha256')
    .update(
      candidates
        .map((c) => c.id)
        .sort()
        .join(','),
    )
    .digest('base64url');

  let sent = 0;
  for (const moderator of school.moderators) {
    const tag = addressTag(moderator);
    const lastKey = deps.keys.digestLast(schoolId, tag);
    if (settings.skipUnchanged && (await deps.redis.get(lastKey)) === fingerprint) continue;
    const base = deps.baseUrl();
    const mail = renderDigest({
      schoolName: school.name,
      entries: candidates.map((f) => ({
        finding: f,
        reasons: deps.reasons(f, maskText(f.item.text, f.entities)),
        platformName: deps.platformName(f),
        link: signedLink(deps.signer, config, base, moderator, `/review/f/${f.id}`, now()),
      })),
      goneCount: gone,
      listLink: signedLink(deps.signer, config, base, moderator, '/review', now()),
      linkDays: config.review.linkDays,
      now: now(),
    });
    const outcome = await deps.alerts.sendOnce({ key: `digest-${schoolId}-${runKey}-${tag}`, kind: 'digest', to: [moderator], ...mail });
    if (outcome.state === 'busy') throw new Error('digest: another worker is sending this digest');
    if (outcome.state === 'sent') sent += 1;
    await deps.redis.set(lastKey, fingerprint, 'PX', config.retention.findingsDays * DAY_MS);
  }
  log.info({ candidates: candidates.length, gone, sent }, sent > 0 ? 'digest verstuurd' : 'digest ongewijzigd of al verstuurd; niets opnieuw verstuurd');
  return { school: schoolId, candidates: candidates.length, gone, sent, skipped: null };
}
