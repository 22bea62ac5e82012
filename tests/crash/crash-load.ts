// The crash check's writers: an editor saving section drafts, wrong passwords for several accounts, and invitation
// accepts, all through the real HTTP API; each records the writes the server acknowledged and what identifies them.
import { generate } from 'otplib';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '#server/features/demo/demo-data.ts';

const DEMO = (shows: string) => DEMO_ACCOUNTS.find((a) => a.shows === shows)!.email;
/** Accounts that only ever get wrong passwords here (never the editor or the org admin, who must stay unlocked). */
export const FAILURE_EMAILS = ['case_manager', 'medical_professional', 'psychologist', 'social_worker', 'trainer', 'participant'].map(DEMO);
const SAVE_WRITERS = 4;
const FAILURE_WORKERS = 3;
const ACCEPT_WORKERS = 2;
export const INVITATIONS = 200;

export interface Answer {
  status: number;
  body: any;
  cookie: string | null;
}

export interface Save {
  sectionId: string;
  language: string;
  title: string;
  bodyMd: string;
  /** From the answer; null when the answer's body did not arrive. */
  revisionId: string | null;
}
export interface Failure {
  ip: string;
  email: string;
}
export interface Accept {
  email: string;
  invitationId: string;
}
export interface Acknowledged {
  saves: Save[];
  failures: Failure[];
  accepts: Accept[];
  /** Requests that got no answer (the kill cut them off): their outcome is unknown, either is fine. */
  unanswered: number;
  /** Answers that were neither the expected success nor a connection loss (a 5xx would be a finding). */
  unexpected: string[];
}

/** One API call. `ip` goes into X-Forwarded-For, as a proxy would send it: the server runs with TRUST_PROXY=1. */
export async function call(base: string, method: string, path: string, opts: { body?: unknown; cookie?: string; ip?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.ip) headers['x-forwarded-for'] = opts.ip;
  const res = await fetch(`${base}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body), signal: AbortSignal.timeout(20_000) });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('ph_session='));
  // NOTE: the status line is the acknowledgement; a body cut off by the kill after it does not undo the write.
  const text = await res.text().catch(() => '');
  return { status: res.status, body: parseOrNull(text), cookie: session ?? null };
}

function parseOrNull(text: string): any {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function expect(answer: Answer, status: number, what: string): Answer {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}

/** Every simulated client has its own address, so the per-address limits (50 in 15 min) never answer 429 here. */
export function addressPool(): () => string {
  let n = 0;
  return () => {
    n++;
    return `10.${Math.floor(n / 65_536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
  };
}

export interface Sessions {
  editorCookie: string;
  adminCookie: string;
  /** The org admin's organisation, where the invitations lead. */
  organisationId: string;
}

export interface Prepared {
  texts: { sectionId: string; language: string; title: string; bodyMd: string; version: number }[];
  /** Invitation id and the token from its email in the outbox. */
  invitations: { email: string; id: string; token: string }[];
}

/** Signs in the editor and the org admin (enrolling TOTP); the sessions are kept across kills and restarts. */
export async function signInWriters(base: string, nextIp: () => string): Promise<Sessions> {
  const editor = expect(await call(base, 'POST', '/api/auth/sign-in', { body: { email: DEMO('editor'), password: DEMO_PASSWORD }, ip: nextIp() }), 200, 'editor sign-in');
  const adminCookie = await signInWithTotp(base, DEMO('org_admin'), nextIp());
  const me = expect(await call(base, 'GET', '/api/me', { cookie: adminCookie }), 200, 'org admin /api/me').body;
  return { editorCookie: editor.cookie!, adminCookie, organisationId: me.organisationId };
}

/** Reads the texts' current versions, creates this round's invitations and reads their tokens from the outbox. */
export async function prepare(base: string, sessions: Sessions, tag: string): Promise<Prepared> {
  const cookie = sessions.editorCookie;
  const tree = expect(await call(base, 'GET', '/api/library/editor/publications/manual', { cookie }), 200, 'publication tree').body;
  const sections: { id: string }[] = tree.chapters.flatMap((c: { sections: { id: string }[] }) => c.sections).slice(0, SAVE_WRITERS);
  const texts = [];
  for (const s of sections) {
    const edit = expect(await call(base, 'GET', `/api/library/sections/${s.id}/texts/en`, { cookie }), 200, 'section text').body;
    texts.push({ sectionId: s.id, language: 'en', title: edit.current.title, bodyMd: edit.current.bodyMd.replace(/\n\nCrash check .*$/s, ''), version: edit.version });
  }
  const created = new Map<string, string>();
  for (let i = 0; i < INVITATIONS; i++) {
    const email = `crash-${tag}-${i}@example.org`;
    const inv = expect(await call(base, 'POST', '/api/invitations', { body: { email, roles: ['editor'] }, cookie: sessions.adminCookie }), 201, 'invitation');
    created.set(email, inv.body.id);
  }
  const tokens = await invitationTokens(base, sessions.adminCookie, new Set(created.keys()));
  const invitations = [...created].map(([email, id]) => ({ email, id, token: tokens.get(email)! }));
  if (invitations.some((i) => !i.token)) throw new Error('An invitation email is missing from the outbox');
  return { texts, invitations };
}

/** Password, then TOTP enrolment with a secret from the API and a code from otplib (the demo account has none yet). */
async function signInWithTotp(base: string, email: string, ip: string): Promise<string> {
  const first = expect(await call(base, 'POST', '/api/auth/sign-in', { body: { email, password: DEMO_PASSWORD }, ip }), 200, `${email} sign-in`);
  const cookie = first.cookie!;
  if (first.body.signInStep !== 'enrol_totp') throw new Error(`${email}: expected step enrol_totp, got ${first.body.signInStep}`);
  const { secret } = expect(await call(base, 'POST', '/api/auth/totp/enrol/start', { cookie, ip }), 200, 'TOTP enrolment').body;
  const code = await generate({ secret });
  const confirmed = expect(await call(base, 'POST', '/api/auth/totp/enrol/confirm', { body: { code }, cookie, ip }), 200, 'TOTP confirmation');
  // NOTE: the session may get a new token with the second factor (then sent as a new cookie).
  return confirmed.cookie ?? cookie;
}

/** The outbox as the org admin reads it (newest first): the wanted invitation emails, tokens from the links' fragments. */
async function invitationTokens(base: string, cookie: string, wanted: Set<string>): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  let before: string | null = null;
  do {
    const query: string = `?limit=100${before ? `&before=${encodeURIComponent(before)}` : ''}`;
    const page = expect(await call(base, 'GET', `/api/outbox${query}`, { cookie }), 200, 'outbox').body;
    for (const item of page.items as { id: string; toAddress: string }[]) {
      if (!wanted.has(item.toAddress)) continue;
      const email = expect(await call(base, 'GET', `/api/outbox/${item.id}`, { cookie }), 200, 'outbox email').body;
      const token = /#token=([A-Za-z0-9_-]{43})/.exec(email.bodyText ?? '')?.[1];
      if (token) tokens.set(item.toAddress, token);
    }
    before = page.nextBefore;
  } while (before && tokens.size < wanted.size);
  return tokens;
}

/** Runs the three kinds of writers until `stopped()`; a request cut off by the kill counts as unanswered. */
export async function runLoad(base: string, tag: string, sessions: Sessions, prepared: Prepared, nextIp: () => string, stopped: () => boolean): Promise<Acknowledged> {
  const ack: Acknowledged = { saves: [], failures: [], accepts: [], unanswered: 0, unexpected: [] };
  const attempt = async (what: string, request: () => Promise<void>) => {
    try {
      await request();
    } catch (error) {
      if (stopped()) ack.unanswered++;
      else ack.unexpected.push(`${what}: ${error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error)}`);
    }
  };
  const saver = async (w: number) => {
    const text = prepared.texts[w]!;
    for (let n = 1; !stopped(); n++) {
      const bodyMd = `${text.bodyMd}\n\nCrash check ${tag}, writer ${w}, save ${n}.`;
      await attempt('save', async () => {
        const res = await call(base, 'PUT', `/api/library/sections/${text.sectionId}/texts/${text.language}`, { body: { title: text.title, bodyMd, version: text.version }, cookie: sessions.editorCookie });
        if (res.status !== 200) return void ack.unexpected.push(`save: ${res.status} ${JSON.stringify(res.body)}`);
        ack.saves.push({ sectionId: text.sectionId, language: text.language, title: text.title, bodyMd, revisionId: res.body?.current?.id ?? null });
        text.version = res.body?.version ?? text.version + 1;
      });
    }
  };
  const targets = [...FAILURE_EMAILS, `nobody-${tag}@example.org`];
  let failureCount = 0;
  const failer = async () => {
    while (!stopped()) {
      const email = targets[failureCount++ % targets.length]!;
      const ip = nextIp();
      await attempt('sign-in failure', async () => {
        const res = await call(base, 'POST', '/api/auth/sign-in', { body: { email, password: `wrong-${tag}-${failureCount}` }, ip });
        if (res.status !== 401) return void ack.unexpected.push(`sign-in failure: ${res.status} ${JSON.stringify(res.body)}`);
        ack.failures.push({ ip, email });
      });
    }
  };
  const queue = [...prepared.invitations];
  const accepter = async () => {
    for (let invitation = queue.shift(); invitation && !stopped(); invitation = queue.shift()) {
      const { email, id, token } = invitation;
      const body = { token, displayName: `Crash Check ${email.split('@')[0]}`, password: `Crash-check-${tag}-${id.slice(0, 8)}-pw`, language: 'en' };
      await attempt('accept', async () => {
        const res = await call(base, 'POST', '/api/invitations/accept', { body, ip: nextIp() });
        if (res.status !== 200) return void ack.unexpected.push(`accept: ${res.status} ${JSON.stringify(res.body)}`);
        ack.accepts.push({ email, invitationId: id });
      });
    }
  };
  await Promise.all([
    ...Array.from({ length: SAVE_WRITERS }, (_, w) => saver(w)),
    ...Array.from({ length: FAILURE_WORKERS }, () => failer()),
    ...Array.from({ length: ACCEPT_WORKERS }, () => accepter()),
  ]);
  return ack;
}
