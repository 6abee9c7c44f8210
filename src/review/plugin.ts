// The review page: a Fastify plugin, registered under /review by src/web/server.ts.
//
// Sign-in: a signed link from an e-mail (/review/login?t=…) is exchanged for a session cookie
// (httpOnly, SameSite=Strict, Secure when the base URL is https); the page it lands on carries no
// token. Because a SameSite=Strict cookie is not sent on a navigation that started in a mail
// program, the exchange answers with a page that moves on by itself (meta refresh, no script),
// which the browser treats as same-site. Only configured moderators and administrators get in,
// each only to their own schools; anyone else gets a plain Dutch page and nothing more.
//
// Every change is a POST with a CSRF token (@fastify/csrf-protection) and is recorded in the
// audit log (src/store/audit.ts) by src/review/decisions.ts. No data in URLs besides ids.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import { stringify } from 'csv-stringify/sync';
import type { Config, School } from '../config/schema.ts';
import type { Finding, FindingStatus } from '../finding.ts';
import { FINDING_STATUSES } from '../finding.ts';
import type { Logger } from '../log.ts';
import { SEVERITIES } from '../policy.ts';
import type { AuditLog } from '../store/audit.ts';
import type { FindingStore } from '../store/findings.ts';
import { maskText } from '../alerts/mask.ts';
import { ACTIONS, schoolsOf } from './decisions.ts';
import type { Action, DecideResult, Decisions } from './decisions.ts';
import { html } from '../present/html.ts';
import type { Html } from '../present/html.ts';
import { detailPage, layout, linkRequestForm, listPage, messagePage, STATUS_NAMES } from './pages.ts';
import { signedLink } from './tokens.ts';
import type { Signer } from './tokens.ts';

export const SESSION_COOKIE = 'uitkijk_sessie';

export interface ReviewOptions {
  config: () => Config;
  findings: () => FindingStore;
  audit: AuditLog;
  decisions: Decisions;
  signer: Signer;
  /** The public address of the web server (config review.baseUrl or the local default). */
  baseUrl: () => string;
  /** Sends a fresh sign-in link to a known moderator or administrator. */
  sendLoginLink: (email: string, url: string) => Promise<void>;
  platformName: (finding: Finding) => string;
  reasons: (finding: Finding, maskedText: string) => string[];
  log: Logger;
  now?: () => number;
  /** Requests per minute per address (default 300); sign-in link requests get a tenth. */
  rateLimitPerMinute?: number;
}

interface User {
  email: string;
  schools: School[];
}

const LIST_LIMIT = 500;

/** Only paths of this page may be a destination after sign-in: never another site. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/review(\/f\/[A-Za-z0-9_-]{1,64})?$/.test(next) ? next : '/review';
}

const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);
const many = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<string, number>;

export async function reviewPlugin(app: FastifyInstance, opts: ReviewOptions): Promise<void> {
  const now = opts.now ?? Date.now;
  const log = opts.log.child({ module: 'review' });
  const secure = () => opts.baseUrl().startsWith('https:');
  const perMinute = opts.rateLimitPerMinute ?? 300;

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(rateLimit, {
    max: perMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      error: 'Te veel verzoeken',
      message: `Te veel verzoeken; probeer het over ${Math.ceil(ctx.ttl / 1000)} seconden opnieuw.`,
    }),
  });
  await app.register(csrf, {
    cookieKey: 'uitkijk_csrf',
    cookieOpts: { path: '/review', sameSite: 'strict', httpOnly: true, secure: secure() },
  });

  const send = (reply: FastifyReply, status: number, page: Html) =>
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page.value);

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, _req, reply) => {
    if (err.code === 'FST_CSRF_INVALID_TOKEN' || err.code === 'FST_CSRF_MISSING_SECRET') {
      return send(
        reply,
        403,
        messagePage({
          title: 'Formulier verlopen',
          kind: 'error',
          paragraphs: [
            'Dit formulier is verlopen of komt niet van deze pagina, dus er is niets veranderd. Ga terug, laad de pagina opnieuw en probeer het nog eens.',
          ],
        }),
      );
    }
    if (err.statusCode === 429) {
      return send(reply, 429, messagePage({ title: 'Even geduld', kind: 'error', paragraphs: [err.message] }));
    }
    if (err.statusCode && err.statusCode < 500) {
      return send(reply, err.statusCode, messagePage({ title: 'Dat ging mis', kind: 'error', paragraphs: ['Dit verzoek kon niet verwerkt worden.'] }));
    }
    log.error({ reason: err.message, code: err.code }, 'beoordelingspagina: fout');
    return send(
      reply,
      500,
      messagePage({ title: 'Dat ging mis', kind: 'error', paragraphs: ['Er ging iets mis bij uitkijk. Probeer het over een minuut opnieuw.'] }),
    );
  });

  const userOf = (req: FastifyRequest): User | null => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return null;
    const check = opts.signer.verify(token, 'session', now());
    if (!check.ok) return null;
    const schools = schoolsOf(opts.config(), check.claims.email);
    return schools.length ? { email: check.claims.email, schools } : null;
  };

  const notSignedIn = (reply: FastifyReply, next: string) => {
    const csrfToken = reply.generateCsrf();
    return send(
      reply,
      401,
      layout(
        'Niet aangemeld',
        html`<h1>Niet aangemeld</h1>
          <p class="note">
            Open de beoordelingspagina via de link in uw digest of in een melding. Heeft u die niet (meer), vraag dan hieronder een nieuwe inloglink aan.
          </p>
          ${linkRequestForm(csrfToken, next)}`,
      ),
    );
  };

  /** The signed-in user, or an answer that says why not (and null). */
  const requireUser = (req: FastifyRequest, reply: FastifyReply, next: string): User | null => {
    const user = userOf(req);
    if (!user) void notSignedIn(reply, next);
    return user;
  };

  // The link from an e-mail: exchanged for a session, then on to the page without the token.
  app.get('/login', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const token = one(q.t) ?? '';
    const check = opts.signer.verify(token, 'link', now());
    if (!check.ok) {
      log.info({ reason: check.reason }, 'inloglink geweigerd');
      const expired = check.reason === 'expired';
      return send(
        reply,
        403,
        messagePage({
          title: expired ? 'Deze link is verlopen' : 'Deze link klopt niet',
          kind: 'error',
          paragraphs: [
            expired
              ? 'De link in uw e-mail is niet meer geldig. Vraag hieronder een nieuwe aan; u krijgt hem per e-mail.'
              : 'Deze link is veranderd of onvolledig, dus hij geeft geen toegang. Open de link precies zoals hij in de e-mail staat, of vraag hieronder een nieuwe aan.',
          ],
          offerLink: true,
          csrf: reply.generateCsrf(),
        }),
      );
    }
    const schools = schoolsOf(opts.config(), check.claims.email);
    if (schools.length === 0) {
      log.info('inloglink van een adres dat geen moderator of beheerder (meer) is');
      return send(
        reply,
        403,
        messagePage({
          title: 'Geen toegang',
          kind: 'error',
          paragraphs: [
            'Dit adres is (niet meer) ingesteld als moderator of beheerder, dus u heeft geen toegang. Vraag de beheerder van uitkijk om u toe te voegen.',
          ],
        }),
      );
    }
    const expires = now() + opts.config().review.sessionHours * 3600_000;
    reply.setCookie(SESSION_COOKIE, opts.signer.sign({ email: check.claims.email, purpose: 'session', expires }), {
      path: '/review',
      httpOnly: true,
      sameSite: 'strict',
      secure: secure(),
      expires: new Date(expires),
    });
    const next = safeNext(one(q.next));
    reply.header('referrer-policy', 'no-referrer');
    return send(
      reply,
      200,
      html`<!doctype html>
        <html lang="nl">
          <head>
            <meta charset="utf-8" />
            <meta http-equiv="refresh" content="0;url=${next}" />
            <title>Aangemeld — uitkijk</title>
          </head>
          <body>
            <main>
              <h1>U bent aangemeld</h1>
              <p><a href="${next}">Verder naar de beoordelingspagina</a></p>
            </main>
          </body>
        </html>`,
    );
  });

  app.post('/afmelden', { preHandler: app.csrfProtection }, async (_req, reply) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/review' });
    return send(reply, 200, messagePage({ title: 'Afgemeld', kind: 'done', paragraphs: ['U bent afgemeld.'] }));
  });

  // A fresh link for a known address; the answer is the same for every address, so the form
  // does not tell anyone who is a moderator.
  app.post(
    '/inloglink',
    { preHandler: app.csrfProtection, config: { rateLimit: { max: Math.max(3, Math.round(perMinute / 10)), timeWindow: 60_000 } } },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const email = (one(body.email) ?? '').trim().toLowerCase();
      const next = safeNext(one(body.next));
      const config = opts.config();
      if (email && schoolsOf(config, email).length > 0) {
        try {
          await opts.sendLoginLink(email, signedLink(opts.signer, config, opts.baseUrl(), email, next, now()));
          log.info('nieuwe inloglink verstuurd');
        } catch (err) {
          log.error({ reason: (err as Error).message }, 'inloglink kon niet verstuurd worden');
        }
      }
      return send(
        reply,
        200,
        messagePage({
          title: 'Kijk in uw e-mail',
          kind: 'done',
          paragraphs: ['Als dit adres bij uitkijk bekend is als moderator of beheerder, krijgt u binnen enkele minuten een e-mail met een nieuwe link.'],
        }),
      );
    },
  );

  async function visibleFindings(user: User, status: FindingStatus, school: string): Promise<Finding[]> {
    const ids = new Set(user.schools.map((s) => s.id));
    const list = await opts.findings().listByStatus(status, LIST_LIMIT);
    return list.filter((f) => ids.has(f.item.school) && (!school || f.item.school === school));
  }

  async function showList(req: FastifyRequest, reply: FastifyReply, user: User, notice?: string, statusOverride?: FindingStatus) {
    const q = req.query as Record<string, unknown>;
    const statusParam = statusOverride ?? one(q.status);
    const status = (FINDING_STATUSES as readonly string[]).includes(statusParam ?? '') ? (statusParam as FindingStatus) : 'open';
    const schoolParam = one(q.school) ?? '';
    const school = user.schools.some((s) => s.id === schoolParam) ? schoolParam : '';
    const sort = one(q.sort) === 'ernst' ? 'ernst' : 'nieuw';
    const lists = await Promise.all(FINDING_STATUSES.map((s) => visibleFindings(user, s, school)));
    const counts = Object.fromEntries(FINDING_STATUSES.map((s, i) => [s, lists[i]!.length])) as Record<FindingStatus, number>;
    const findings = [...lists[FINDING_STATUSES.indexOf(status)]!];
    if (sort === 'ernst')
      findings.sort((a, b) => (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0) || b.createdAt.localeCompare(a.createdAt));
    return send(
      reply,
      200,
      listPage({
        user: { email: user.email, csrf: reply.generateCsrf() },
        findings,
        status,
        school,
        sort,
        schools: user.schools.map((s) => ({ id: s.id, name: s.name })),
        counts,
        platformName: opts.platformName,
        now: now(),
        notice,
      }),
    );
  }

  app.get('/', async (req, reply) => {
    const user = requireUser(req, reply, '/review');
    if (!user) return reply;
    return showList(req, reply, user);
  });

  async function showFinding(reply: FastifyReply, user: User, id: string, notice?: { kind: 'done' | 'error'; text: string }, status = 200) {
    const finding = await opts.findings().getFinding(id);
    if (!finding) {
      return send(
        reply,
        404,
        messagePage({
          title: 'Melding niet gevonden',
          kind: 'error',
          paragraphs: ['Deze melding bestaat niet (meer): meldingen worden na de bewaartermijn verwijderd.'],
        }),
      );
    }
    const school = user.schools.find((s) => s.id === finding.item.school);
    if (!school) {
      return send(
        reply,
        403,
        messagePage({ title: 'Geen toegang', kind: 'error', paragraphs: ['Deze melding hoort bij een school waarvoor u geen moderator bent.'] }),
      );
    }
    const masked = maskText(finding.item.text, finding.entities);
    return send(
      reply,
      status,
      detailPage({
        user: { email: user.email, csrf: reply.generateCsrf() },
        finding,
        schoolName: school.name,
        timeZone: school.timezone,
        platformName: opts.platformName(finding),
        reasons: opts.reasons(finding, masked),
        audit: await opts.audit.forFinding(school.id, finding.id),
        canEscalate: school.leadership.length > 0,
        now: now(),
        notice,
      }),
    );
  }

  const ID = /^[A-Za-z0-9_-]{1,64}$/;

  app.get('/f/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    if (!ID.test(id))
      return send(reply, 404, messagePage({ title: 'Melding niet gevonden', kind: 'error', paragraphs: ['Deze link wijst niet naar een melding.'] }));
    const user = requireUser(req, reply, `/review/f/${id}`);
    if (!user) return reply;
    return showFinding(reply, user, id);
  });

  const failureText = (r: Exclude<DecideResult, { ok: true }>): string => {
    switch (r.reason) {
      case 'missing':
        return 'Deze melding bestaat niet (meer).';
      case 'forbidden':
        return 'Deze melding hoort bij een school waarvoor u geen moderator bent.';
      case 'no-leadership':
        return 'Voor deze school is geen adres van de schoolleiding ingesteld (leadership in de configuratie); vraag de beheerder dat toe te voegen.';
      case 'not-allowed':
        return `Dat kan niet meer: de melding is nu ‘${STATUS_NAMES[r.current]}’.`;
      case 'conflict':
        return `Iemand anders heeft deze melding net beslist: ze is nu ‘${STATUS_NAMES[r.current]}’. Er is niets overschreven; zie het auditlog.`;
    }
  };

  const DONE: Record<Action, string> = {
    approve: 'Verwijderen goedgekeurd en vastgelegd.',
    dismiss: 'Afgewezen en vastgelegd.',
    escalate: 'Doorgezet naar de schoolleiding en vastgelegd; zij krijgen een e-mail.',
    reopen: 'Heropend en vastgelegd.',
  };

  app.post('/f/:id', { preHandler: app.csrfProtection }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const user = requireUser(req, reply, `/review/f/${id}`);
    if (!user) return reply;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const action = one(body.action) as Action | undefined;
    if (!action || !(ACTIONS as readonly string[]).includes(action) || !ID.test(id)) {
      return showFinding(reply, user, id, { kind: 'error', text: 'Onbekende actie; er is niets veranderd.' }, 400);
    }
    const result = await opts.decisions.decide({ findingId: id, action, actor: user.email, reason: one(body.reason), wrong: one(body.wrong) === '1' });
    if (!result.ok) {
      log.info({ finding: id, action, reason: result.reason }, 'beslissing niet uitgevoerd');
      return showFinding(
        reply,
        user,
        id,
        { kind: 'error', text: failureText(result) },
        result.reason === 'missing' ? 404 : result.reason === 'forbidden' ? 403 : 409,
      );
    }
    log.info({ finding: id, action, entry: result.entry.id }, 'beslissing vastgelegd');
    return showFinding(reply, user, id, { kind: 'done', text: DONE[action] });
  });

  // Bulk: the same action on every chosen finding, each decided and logged on its own.
  app.post('/selectie', { preHandler: app.csrfProtection }, async (req, reply) => {
    const user = requireUser(req, reply, '/review');
    if (!user) return reply;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const action = one(body.action) as Action | undefined;
    const ids = [...new Set(many(body.id))].filter((id) => ID.test(id)).slice(0, LIST_LIMIT);
    const status = one(body.status) as FindingStatus | undefined;
    const back = status && (FINDING_STATUSES as readonly string[]).includes(status) ? status : 'open';
    if (!action || !(ACTIONS as readonly string[]).includes(action))
      return showList(req, reply, user, 'Kies eerst wat er met de selectie moet gebeuren.', back);
    if (ids.length === 0) return showList(req, reply, user, 'Kies eerst een of meer meldingen.', back);
    let done = 0;
    const failed: string[] = [];
    for (const id of ids) {
      const r = await opts.decisions.decide({ findingId: id, action, actor: user.email, reason: one(body.reason) });
      if (r.ok) done += 1;
      else failed.push(failureText(r));
    }
    log.info({ action, done, failed: failed.length }, 'beslissing op een selectie');
    const counted = `${done} ${done === 1 ? 'melding' : 'meldingen'}: ${DONE[action].replace(/ en vastgelegd.*$/, '').toLowerCase()} en vastgelegd.`;
    const notice = failed.length ? `${counted} ${failed.length} niet: ${[...new Set(failed)].join(' ')}` : counted;
    return showList(req, reply, user, notice, back);
  });

  // The audit log of one school as CSV: every decision, who, when, what and why.
  app.get('/export', async (req, reply) => {
    const user = requireUser(req, reply, '/review');
    if (!user) return reply;
    const schoolId = one((req.query as Record<string, unknown>).school) ?? (user.schools.length === 1 ? user.schools[0]!.id : '');
    const school = user.schools.find((s) => s.id === schoolId);
    if (!school) {
      return send(
        reply,
        200,
        layout(
          'Auditlog downloaden',
          html`<h1>Auditlog downloaden</h1>
            <ul>
              ${user.schools.map((s) => html`<li><a href="/review/export?school=${s.id}">${s.name}</a></li>`)}
            </ul>`,
          { email: user.email, csrf: reply.generateCsrf() },
        ),
      );
    }
    const entries = await opts.audit.forSchool(school.id);
    // A cell that starts like a formula is prefixed, so a spreadsheet never runs a reason.
    const cell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
    const csv = stringify(
      entries.map((e) => [e.at, e.school, e.finding, e.actor, e.action, e.from, e.to, cell(e.reason ?? ''), e.wrong ? 'ja' : '']),
      { header: true, columns: ['tijdstip', 'school', 'melding', 'door', 'actie', 'van', 'naar', 'reden', 'onterecht'], bom: true },
    );
    const day = new Date(now()).toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="auditlog-${school.id}-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });
}
