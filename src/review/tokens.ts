// Signed tokens for the review page: the link in a digest or alert e-mail, and the session
// cookie it is exchanged for. A token is `<payload>.<mac>`: the payload (base64url JSON) names
// the address, what the token is for and when it expires; the mac is an HMAC-SHA256 over it
// with UITKIJK_SECRET. Nothing is stored server-side, so any web process with the same secret
// accepts it, and a tampered or expired token is refused without a Redis round trip.

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config/schema.ts';

const DAY_MS = 24 * 3600 * 1000;

export type TokenPurpose = 'link' | 'session';

export interface TokenClaims {
  /** The moderator's or administrator's e-mail address, lower case. */
  email: string;
  purpose: TokenPurpose;
  /** Expiry, ms since the epoch. */
  expires: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'tampered' | 'expired' };

export interface Signer {
  sign(claims: TokenClaims): string;
  verify(token: string, purpose: TokenPurpose, now?: number): TokenCheck;
}

export function createSigner(secret: string): Signer {
  if (secret.length < 16) throw new Error('the signing secret must be at least 16 characters');
  const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');
  return {
    sign(claims) {
      const payload = Buffer.from(JSON.stringify({ e: claims.email.toLowerCase(), p: claims.purpose, x: claims.expires })).toString('base64url');
      return `${payload}.${mac(payload)}`;
    },
    verify(token, purpose, now = Date.now()) {
      const dot = token.indexOf('.');
      if (dot <= 0 || token.length > 2048) return { ok: false, reason: 'tampered' };
      const payload = token.slice(0, dot);
      const given = Buffer.from(token.slice(dot + 1));
      const expected = Buffer.from(mac(payload));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'tampered' };
      let parsed: { e?: unknown; p?: unknown; x?: unknown };
      try {
        parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof parsed;
      } catch {
        return { ok: false, reason: 'tampered' };
      }
      // A session cookie is not a link and a link is not a session: each is accepted only where it belongs.
      if (typeof parsed.e !== 'string' || parsed.p !== purpose || typeof parsed.x !== 'number') return { ok: false, reason: 'tampered' };
      if (parsed.x <= now) return { ok: false, reason: 'expired' };
      return { ok: true, claims: { email: parsed.e, purpose, expires: parsed.x } };
    },
  };
}

/** A signed link to the review page for one address, valid for `review.linkDays`. */
export function signedLink(signer: Signer, config: Config, base: string, email: string, next: string, now = Date.now()): string {
  const token = signer.sign({ email, purpose: 'link', expires: now + config.review.linkDays * DAY_MS });
  const nextPart = next && next !== '/review' ? `&next=${encodeURIComponent(next)}` : '';
  return `${base.replace(/\/$/, '')}/review/login?t=${encodeURIComponent(token)}${nextPart}`;
}
