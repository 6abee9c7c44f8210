// Every Redis key of a deployment is built here and nowhere else (STYLE habit 15).
// All keys, and BullMQ's queues, share one prefix with the deployment name as a hash tag —
// `uitkijk:{<deployment>}:…` — so Redis Cluster keeps a deployment on one slot and the
// multi-key scripts in scripts.ts stay legal there.

import { UitkijkError } from '../errors.ts';
import type { FindingStatus } from '../finding.ts';

export interface Keys {
  /** The prefix (with hash tag) every key and queue of this deployment starts with. */
  readonly prefix: string;
  /** Sorted set: item id → when it was seen (ms). */
  seen(source: string): string;
  cursor(source: string): string;
  /** Hash: one finding. */
  finding(id: string): string;
  /** Sorted set: finding id → when it entered this status (ms). */
  findingsByStatus(status: FindingStatus): string;
  /** Short-lived lease of the worker that is sending this finding's alert. */
  alertClaim(findingId: string): string;
  /** Present once the alert e-mail was accepted; kept for the retention period. */
  alertSent(findingId: string): string;
  /** Present from a claim until its send is decided: left behind when a worker died mid-send. */
  alertAttempt(findingId: string): string;
  /** Sorted set: alerts waiting for the mail server → since when (ms). */
  alertsWaiting(): string;
  /** Sorted set per source: item ids queued for classification, not yet classified → when (ms). */
  pending(source: string): string;
  /** A short lease: one fetch of a source at a time, whatever the number of workers. */
  fetchLease(source: string): string;
  /** Stream per school: the audit log of decisions on its findings (append-only). */
  audit(school: string): string;
  /** Sorted set per school and post: findings on that post lately (storm detection). */
  storm(school: string, post: string): string;
  /** Sorted set per school: findings waiting for the school's next alert bundle. */
  bundlePending(school: string): string;
  /** Sorted set per school and send time: the findings of one bundle, fixed once it is taken. */
  bundleBatch(school: string, at: number): string;
  /** When the school's next bundle goes out (ms). */
  bundleNext(school: string): string;
  /** When the school's last bundle went out (ms): bundles keep their spacing from it. */
  bundleLast(school: string): string;
  /** The stream source's lease: exactly one consumer per deployment. */
  streamLease(source: string): string;
  /** Hash per stream source: post URI → the schools it was queued for (to mark deletions). */
  streamWatched(source: string): string;
  /** Per school and moderator: the open candidates of the last digest sent (skipUnchanged). */
  digestLast(school: string, moderator: string): string;
  /** Units spent from one API key's daily budget (a hash of the key), until its reset (ms). */
  quota(keyHash: string, resetAt: number): string;
  /** A source that waits for its daily budget: what /healthz shows. */
  quotaStop(source: string): string;
}

// A brace would end (or open) the hash tag early and scatter keys over cluster slots.
const DEPLOYMENT = /^[A-Za-z0-9._-]{1,64}$/;

/** BullMQ's `prefix` option for this deployment's queues: same hash tag as every other key. */
export function queuePrefix(deployment: string): string {
  if (!DEPLOYMENT.test(deployment)) {
    throw new UitkijkError('CONFIG_INVALID', `deployment name '${deployment}' may only hold letters, digits, '.', '_' and '-' (at most 64)`);
  }
  return `uitkijk:{${deployment}}`;
}

export function createKeys(deployment: string): Keys {
  const prefix = queuePrefix(deployment);
  return {
    prefix,
    seen: (source) => `${prefix}:seen:${source}`,
    cursor: (source) => `${prefix}:cursor:${source}`,
    finding: (id) => `${prefix}:finding:${id}`,
    findingsByStatus: (status) => `${prefix}:findings:status:${status}`,
    alertClaim: (findingId) => `${prefix}:alert:claim:${findingId}`,
    alertSent: (findingId) => `${prefix}:alert:sent:${findingId}`,
    alertAttempt: (findingId) => `${prefix}:alert:attempt:${findingId}`,
    alertsWaiting: () => `${prefix}:alerts:waiting`,
    pending: (source) => `${prefix}:pending:${source}`,
    fetchLease: (source) => `${prefix}:fetch:lease:${source}`,
    audit: (school) => `${prefix}:audit:${school}`,
    storm: (school, post) => `${prefix}:storm:${school}:${post}`,
    bundlePending: (school) => `${prefix}:bundle:pending:${school}`,
    bundleBatch: (school, at) => `${prefix}:bundle:batch:${school}:${at}`,
    bundleNext: (school) => `${prefix}:bundle:next:${school}`,
    bundleLast: (school) => `${prefix}:bundle:last:${school}`,
    streamLease: (source) => `${prefix}:stream:lease:${source}`,
    streamWatched: (source) => `${prefix}:stream:watched:${source}`,
    digestLast: (school, moderator) => `${prefix}:digest-last:${school}:${moderator}`,
    quota: (keyHash, resetAt) => `${prefix}:quota:${keyHash}:${resetAt}`,
    quotaStop: (source) => `${prefix}:quota-stop:${source}`,
  };
}
