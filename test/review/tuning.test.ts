// Moderators' decisions teach the thresholds: `uitkijk evaluate --decisions SCHOOL` reads the
// decided findings of a running deployment (real Redis) and shows what other thresholds would
// have done; the report itself is checked on findings whose scores and outcomes are known.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src/classify/types.ts';
import { decisionReport, lastDecisions } from '../../src/review/tuning.ts';
import type { AuditEntry } from '../../src/store/audit.ts';
import { sampleFinding } from '../store/sample.ts';
import { MODERATOR, startReview } from '../support/review.ts';
import type { ReviewHarness } from '../support/review.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');

describe('the decisions report', () => {
  const f = (offensive: number, context: 'reply' | 'mention' = 'reply') => {
    const finding = sampleFinding({ id: `x${offensive}${context}`, context });
    return { ...finding, labels: ['offensive' as const], scores: { offensive, threat: 0, personal_data: 0 } };
  };

  it('counts right and wrong flags and lost approvals per threshold, from the current one up', () => {
    const report = decisionReport(
      'linde',
      [
        { finding: f(0.45), outcome: 'false-alarm' },
        { finding: f(0.55), outcome: 'false-alarm' },
        { finding: f(0.62), outcome: 'kept' },
        { finding: f(0.8), outcome: 'approved' },
        { finding: f(0.95), outcome: 'approved' },
        { finding: f(0.9, 'mention'), outcome: 'kept' },
      ],
      DEFAULT_THRESHOLDS,
    );
    const off = report.labels.find((l) => l.label === 'offensive')!;
    expect(off.alert[0]).toEqual({ threshold: 0.4, right: 4, wrong: 2, lostApproved: 0 });
    expect(off.alert.find((r) => r.threshold === 0.6)).toEqual({ threshold: 0.6, right: 4, wrong: 0, lostApproved: 0 });
    expect(off.alert.find((r) => r.threshold === 0.85)).toEqual({ threshold: 0.85, right: 2, wrong: 0, lostApproved: 1 });
    // Removal: only replies count; at 0.7, the two approved ones and nothing else.
    expect(off.remove.find((r) => r.threshold === 0.7)).toEqual({ threshold: 0.7, approved: 2, notApproved: 0 });
    expect(off.remove.find((r) => r.threshold === 0.6)).toEqual({ threshold: 0.6, approved: 2, notApproved: 1 });
    expect(report.labels.find((l) => l.label === 'threat')!.decided).toBe(0);
    expect(off.alert.every((r) => r.threshold >= 0.4)).toBe(true);
  });

  it('takes the last decision that stands: a reopen undoes the one before', () => {
    const e = (finding: string, action: AuditEntry['action'], wrong?: boolean): AuditEntry => ({
      id: '1-0',
      at: '',
      school: 'linde',
      finding,
      actor: MODERATOR,
      action,
      from: 'open',
      to: 'open',
      ...(wrong ? { wrong } : {}),
    });
    const last = lastDecisions([e('a', 'dismiss', true), e('a', 'reopen'), e('b', 'dismiss'), e('b', 'reopen'), e('b', 'approve'), e('c', 'escalate')]);
    expect([...last.keys()]).toEqual(['b']);
    expect(last.get('b')!.action).toBe('approve');
  });
});

describe('uitkijk evaluate --decisions', () => {
  let h: ReviewHarness;
  beforeAll(async () => {
    h = await startReview();
  }, 60_000);
  afterAll(async () => h?.close());

  it("reads a running deployment's decisions and prints the thresholds' effect in Dutch", async () => {
    const good = await h.addFinding('Wat een kankerschool, die meester is een vieze sukkel');
    const bad = await h.addFinding('Die conciërge is echt een kankerlijer');
    await h.ctx.decisions.decide({ findingId: good.id, action: 'approve', actor: MODERATOR });
    await h.ctx.decisions.decide({ findingId: bad.id, action: 'dismiss', actor: MODERATOR, wrong: true });
    const dir = mkdtempSync(join(tmpdir(), 'uitkijk-tuning-'));
    const config = join(dir, 'uitkijk.yaml');
    writeFileSync(config, h.yaml);
    const env = { ...process.env, REDIS_URL: h.redisUrl, UITKIJK_DEPLOYMENT: h.deployment };
    const node = join(root, 'node_modules/node/bin/node');
    const { stdout } = await run(node, ['bin/uitkijk.js', 'evaluate', '--decisions', 'linde', '--config', config], { cwd: root, env });
    expect(stdout).toContain(
      'Beslissingen van moderatoren voor linde: 2 beoordeeld (1 verwijderen goedgekeurd, 1 onterecht gemarkeerd, 0 afgewezen maar terecht gemeld)',
    );
    expect(stdout).toMatch(/beledigend \(2 beoordeeld; nu: melden vanaf 0,40, verwijderen vanaf 0,70\)/);
    const json = JSON.parse((await run(node, ['bin/uitkijk.js', 'evaluate', '--decisions', 'linde', '--config', config, '--json'], { cwd: root, env })).stdout);
    expect(json).toMatchObject({ school: 'linde', decided: 2, approved: 1, falseAlarms: 1 });
    // No comment text in the report: it is about thresholds, not about what was written.
    expect(stdout).not.toContain('sukkel');
    await expect(run(node, ['bin/uitkijk.js', 'evaluate', '--decisions', 'nergens', '--config', config], { cwd: root, env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("School 'nergens' staat niet in de configuratie; kies uit: linde, klimop"),
    });
  });
});
