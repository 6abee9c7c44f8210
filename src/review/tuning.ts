// What moderators' decisions say about the thresholds: the decided findings of one school read
// as labelled data — approved for removal is a correct flag, "onterecht gemarkeerd" a false
// alarm, dismissed without it a correct flag that did not need removing — and, per label,
// what other alert and removal thresholds would have done on them. What was never flagged was
// never stored, so the figures say nothing about thresholds below what was in force: only a
// higher threshold can be judged here (it would have dropped some flags, right or wrong).

import { LABELS } from '../classify/types.ts';
import type { Label, Thresholds } from '../classify/types.ts';
import type { Finding } from '../finding.ts';
import type { AuditEntry } from '../store/audit.ts';

export type Outcome = 'approved' | 'false-alarm' | 'kept';

export interface DecidedFinding {
  finding: Finding;
  outcome: Outcome;
}

export interface ThresholdRow {
  threshold: number;
  /** Alerting at this threshold: flags that were right, flags that were false alarms. */
  right: number;
  wrong: number;
  /** Of the findings moderators approved for removal, how many this threshold would no longer show. */
  lostApproved: number;
}

export interface RemovalRow {
  threshold: number;
  /** Removal candidates at this threshold that moderators approved, and those they did not. */
  approved: number;
  notApproved: number;
}

export interface LabelReport {
  label: Label;
  current: { alert: number; remove: number };
  decided: number;
  alert: ThresholdRow[];
  remove: RemovalRow[];
}

export interface DecisionReport {
  school: string;
  decided: number;
  approved: number;
  falseAlarms: number;
  kept: number;
  /** Decided findings whose record has expired: their scores are gone. */
  expired: number;
  labels: LabelReport[];
}

/** The last decision on each finding that still stands (a reopen undoes it). */
export function lastDecisions(entries: readonly AuditEntry[]): Map<string, AuditEntry> {
  const last = new Map<string, AuditEntry>();
  for (const e of entries) {
    if (e.action === 'reopen') last.delete(e.finding);
    else if (e.action === 'approve' || e.action === 'dismiss') last.set(e.finding, e);
  }
  return last;
}

export function outcomeOf(entry: AuditEntry): Outcome {
  if (entry.action === 'approve') return 'approved';
  return entry.wrong ? 'false-alarm' : 'kept';
}

const STEPS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

export function decisionReport(school: string, decided: readonly DecidedFinding[], thresholds: Thresholds, expired = 0): DecisionReport {
  const labels = LABELS.map((label): LabelReport => {
    const mine = decided.filter((d) => d.finding.labels.includes(label));
    const t = thresholds[label];
    const candidates = [...new Set([t.alert, ...STEPS.filter((s) => s >= t.alert)])].sort((a, b) => a - b);
    const removals = [...new Set([t.remove, ...STEPS.filter((s) => s >= t.alert)])].sort((a, b) => a - b);
    return {
      label,
      current: { alert: t.alert, remove: t.remove },
      decided: mine.length,
      alert: candidates.map((threshold) => {
        const shown = mine.filter((d) => d.finding.scores[label] >= threshold);
        return {
          threshold,
          right: shown.filter((d) => d.outcome !== 'false-alarm').length,
          wrong: shown.filter((d) => d.outcome === 'false-alarm').length,
          lostApproved: mine.filter((d) => d.outcome === 'approved' && d.finding.scores[label] < threshold).length,
        };
      }),
      remove: removals.map((threshold) => {
        const cand = mine.filter((d) => d.finding.item.context === 'reply' && d.finding.scores[label] >= threshold);
        return { threshold, approved: cand.filter((d) => d.outcome === 'approved').length, notApproved: cand.filter((d) => d.outcome !== 'approved').length };
      }),
    };
  });
  return {
    school,
    decided: decided.length,
    approved: decided.filter((d) => d.outcome === 'approved').length,
    falseAlarms: decided.filter((d) => d.outcome === 'false-alarm').length,
    kept: decided.filter((d) => d.outcome === 'kept').length,
    expired,
    labels,
  };
}

const NAMES: Record<Label, string> = { offensive: 'beledigend', threat: 'bedreiging', personal_data: 'persoonsgegevens' };
const num = (x: number) => x.toFixed(2).replace('.', ',');
const pct = (a: number, b: number) => (b === 0 ? '   —' : `${Math.round((100 * a) / b)}%`.padStart(4));

export function formatDecisionReport(r: DecisionReport): string {
  const lines = [
    `Beslissingen van moderatoren voor ${r.school}: ${r.decided} beoordeeld (${r.approved} verwijderen goedgekeurd, ${r.falseAlarms} onterecht gemarkeerd, ${r.kept} afgewezen maar terecht gemeld)`,
  ];
  if (r.expired) lines.push(`${r.expired} beslissingen gaan over meldingen die al verlopen zijn (bewaartermijn); die tellen niet mee.`);
  if (r.decided === 0) {
    lines.push('Nog geen beslissingen om van te leren: beoordeel eerst meldingen op de beoordelingspagina.');
    return lines.join('\n') + '\n';
  }
  lines.push('Wat niet gemeld werd, is niet bewaard: een lagere drempel dan de huidige valt hieruit niet te beoordelen, een hogere wel.', '');
  for (const l of r.labels) {
    if (l.decided === 0) continue;
    lines.push(`${NAMES[l.label]} (${l.decided} beoordeeld; nu: melden vanaf ${num(l.current.alert)}, verwijderen vanaf ${num(l.current.remove)})`);
    const cols = (cells: string[], widths: number[]) => '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    const A = [12, 7, 9, 5, 28];
    lines.push(cols(['melden vanaf', 'terecht', 'onterecht', 'juist', 'goedgekeurd maar niet gemeld'], A));
    for (const row of l.alert) {
      const mark = row.threshold === l.current.alert ? '*' : '';
      lines.push(
        cols([num(row.threshold) + mark, String(row.right), String(row.wrong), pct(row.right, row.right + row.wrong).trim(), String(row.lostApproved)], A),
      );
    }
    const R = [17, 11, 16];
    lines.push(cols(['verwijderen vanaf', 'goedgekeurd', 'niet goedgekeurd'], R));
    for (const row of l.remove) {
      const mark = row.threshold === l.current.remove ? '*' : '';
      lines.push(cols([num(row.threshold) + mark, String(row.approved), String(row.notApproved)], R));
    }
    lines.push('');
  }
  lines.push('* de drempel die nu in de configuratie staat.');
  return lines.join('\n') + '\n';
}
