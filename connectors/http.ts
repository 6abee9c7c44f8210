// HTTP for every connector, with the limits a platform cannot be trusted to keep: a deadline for
// the whole request, at most a few redirects (followed here, one by one, so a loop ends), and a
// cap on the body after decompression (a gzip bomb or a 50 MB feed stops at the cap instead of
// taking the memory). Network failures become one plain sentence an operator can act on: which
// address, and what happened (refused, name not found, no answer, too large, too many redirects).

import type { HttpLimits } from '../src/config/limits.ts';
import { UitkijkError } from '../src/errors.ts';

export type { HttpLimits } from '../src/config/limits.ts';

export const DEFAULT_HTTP_LIMITS: HttpLimits = { maxBytes: 5 * 1024 * 1024, maxRedirects: 5, timeoutMs: 20_000 };

/** `https://host:port/path` without query or credentials: what a log line may show of a URL. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(ongeldig adres)';
  }
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** What went wrong with a request, in words: refused, DNS, timeout, TLS, reset, … */
export function describeNetworkError(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string; name?: string; message?: string }; message?: string };
  const code = e.cause?.code ?? e.code;
  if (
    e.name === 'TimeoutError' ||
    e.cause?.name === 'TimeoutError' ||
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'ETIMEDOUT'
  ) {
    return `geen antwoord binnen ${Math.round(timeoutMs / 1000)} s`;
  }
  switch (code) {
    case 'ECONNREFUSED':
      return 'verbinding geweigerd (draait de server, klopt de poort?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'servernaam niet gevonden (DNS)';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'verbinding onderbroken door de server';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'server onbereikbaar (netwerk)';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `TLS-certificaat niet geldig (${code})`;
  }
  if (e.name === 'AbortError') return 'verzoek afgebroken';
  if (e.cause?.message === 'bad port') return 'deze poort is voor webverkeer geblokkeerd (fetch weigert hem); gebruik een andere poort';
  return code ? `netwerkfout ${code}` : `netwerkfout (${e.cause?.message ?? e.message ?? 'onbekend'})`;
}

/**
 * A fetch with the limits applied: redirects followed by hand up to `maxRedirects`, one deadline
 * for the whole exchange, the body read into memory up to `maxBytes` (decompressed). Returns a
 * Response whose body is that buffer, so callers (and @atproto/api) use it as any Response.
 * `describe` names the source in messages.
 */
export function limitedFetch(limits: HttpLimits, base: typeof globalThis.fetch = globalThis.fetch, describe = 'de bron'): typeof globalThis.fetch {
  return async (input, init) => {
    const signal = AbortSignal.any([AbortSignal.timeout(limits.timeoutMs), ...(init?.signal ? [init.signal] : [])]);
    let url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const request = typeof input === 'object' && !(input instanceof URL) ? input : undefined;
    let res: Response;
    for (let hop = 0; ; hop++) {
      try {
        res = await base(request && hop === 0 ? request : url, { ...init, redirect: 'manual', signal });
      } catch (err) {
        throw new UitkijkError('CONNECTOR_UNAVAILABLE', `${describe}: ${safeUrl(url)} is niet bereikbaar: ${describeNetworkError(err, limits.timeoutMs)}.`, {
          cause: err,
        });
      }
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || res.status === 304 || !location) break;
      await res.body?.cancel();
      if (hop >= limits.maxRedirects) {
        throw new UitkijkError(
          'CONNECTOR_BAD_RESPONSE',
          `${describe}: ${safeUrl(url)} stuurt meer dan ${limits.maxRedirects} keer door (een doorverwijzingslus?); controleer het adres.`,
        );
      }
      const next = new URL(location, url);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new UitkijkError('CONNECTOR_BAD_RESPONSE', `${describe}: ${safeUrl(url)} verwijst door naar een adres dat geen http(s) is.`);
      }
      url = next.href;
    }
    const declared = Number(res.headers.get('content-length'));
    const tooLarge = () =>
      new UitkijkError(
        'CONNECTOR_TOO_LARGE',
        `${describe}: het antwoord van ${safeUrl(url)} is groter dan ${mb(limits.maxBytes)}; de rest is niet gelezen (grens: fetch.maxSizeMB in de configuratie).`,
      );
    // content-length counts compressed bytes; the cap below counts what comes out.
    if (Number.isFinite(declared) && declared > limits.maxBytes && !res.headers.get('content-encoding')) {
      await res.body?.cancel();
      throw tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      const reader = res.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (size > limits.maxBytes) {
            await reader.cancel();
            throw tooLarge();
          }
          chunks.push(value);
        }
      } catch (err) {
        if (err instanceof UitkijkError) throw err;
        throw new UitkijkError(
          'CONNECTOR_UNAVAILABLE',
          `${describe}: het antwoord van ${safeUrl(url)} kwam niet helemaal binnen: ${describeNetworkError(err, limits.timeoutMs)}.`,
          { cause: err },
        );
      }
    }
    const body = Buffer.concat(chunks, size);
    const headers = new Headers(res.headers);
    // The body is decompressed already: the new Response must not claim otherwise.
    headers.delete('content-encoding');
    headers.set('content-length', String(size));
    const out = new Response(res.status === 204 || res.status === 304 ? null : body, { status: res.status, statusText: res.statusText, headers });
    Object.defineProperty(out, 'url', { value: url });
    return out;
  };
}
