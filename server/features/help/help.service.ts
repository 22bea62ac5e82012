// Help now: the public list of emergency numbers and helplines, and how editors keep it (create, change, mark as
// checked today, withdraw). Every change is audited and needs an https source and the day it was checked there.
import type { Actor } from '#server/http/access.ts';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Db } from '#server/db/db.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import {
  HELP_REVERIFY_MONTHS,
  type HelpContactCreate,
  type HelpContactList,
  type HelpContactUpdate,
  type HelpDeskContact,
  type HelpDeskList,
} from '#shared/help/help-contact.schema.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { canKeepContact, contactScope, isDue, reverifyCutoff } from './help.policy.ts';
import { countDueContacts, findContact, insertContact, knownChapters, listOrganisationContacts, listPublishedContacts, updateContactRow, type ContactRow, type ContactValues, type PublicFilter } from './help.queries.ts';

const inLanguage = (labels: Record<string, string>, lang: string) => labels[lang] || labels.en || Object.values(labels)[0] || '';

/** Published contacts in the reader's language, emergency numbers first in each country. */
export async function listHelpContacts(ctx: Ctx, query: PublicFilter & { lang: LibraryLanguage }): Promise<HelpContactList> {
  const rows = await listPublishedContacts(ctx.db, query);
  const contacts = rows.map((r) => ({
    key: r.key,
    country: r.country as HelpDeskContact['country'],
    kind: r.kind as HelpDeskContact['kind'],
    name: inLanguage(r.names, query.lang),
    purpose: inLanguage(r.purposes, query.lang),
    number: r.number,
    hours: r.hours,
    languages: r.languages,
    sourceUrl: r.sourceUrl,
    verifiedOn: r.verifiedOn,
    chapters: r.chapters,
  }));
  return { language: query.lang, contacts };
}

function scope(ctx: Ctx): string | null {
  const organisationId = contactScope(ctx.actor);
  if (organisationId === undefined) throw new AppError('forbidden', 'Only editors and reviewers can do this.');
  return organisationId;
}

function present(r: ContactRow, cutoff: string): HelpDeskContact {
  const { organisationId: _org, ...rest } = r;
  return { ...rest, country: r.country as HelpDeskContact['country'], kind: r.kind as HelpDeskContact['kind'], status: r.status as HelpDeskContact['status'], due: r.status === 'published' && isDue(r.verifiedOn, cutoff) };
}

const cutoffOf = (ctx: Ctx) => reverifyCutoff(ctx.now, HELP_REVERIFY_MONTHS);
const today = (ctx: Ctx) => ctx.now.toISOString().slice(0, 10);

/** The contacts the actor keeps, withdrawn ones too, each flagged when due to be checked again. */
export async function listDeskContacts(ctx: Ctx): Promise<HelpDeskList> {
  const cutoff = cutoffOf(ctx);
  const contacts = (await listOrganisationContacts(ctx.db, scope(ctx))).map((r) => present(r, cutoff));
  return { contacts, dueCount: contacts.filter((c) => c.due).length };
}

/** Chapters must exist in the library; a check cannot be dated in the future. */
async function checkValues(ctx: Ctx, values: ContactValues): Promise<void> {
  const fields: Record<string, string> = {};
  const known = await knownChapters(ctx.db, values.chapters);
  if (values.chapters.some((c) => !known.has(c))) fields.chapters = 'Choose chapters of the library';
  if (values.verifiedOn > today(ctx)) fields.verifiedOn = 'The day of the check cannot be in the future';
  if (Object.keys(fields).length > 0) throw new AppError('invalid', 'Some fields are not valid.', { fields });
}

const uniq = (list: string[]) => [...new Set(list)];

function valuesOf(input: HelpContactCreate | HelpContactUpdate): ContactValues {
  const { country, kind, position, names, purposes, number, hours, languages, sourceUrl, verifiedOn, chapters } = input;
  return { country, kind, position, names, purposes, number: number.replace(/\s+/g, ' '), hours, languages: uniq(languages), sourceUrl, verifiedOn, chapters: uniq(chapters) };
}

/** Adds a contact to the actor's organisation. */
export async function createContact(ctx: Ctx, input: HelpContactCreate): Promise<HelpDeskContact> {
  scope(ctx);
  const actor = actorOf(ctx);
  if (!actor.organisationId) throw new AppError('forbidden', 'Choose an organisation first: contacts belong to one.');
  const values = valuesOf(input);
  await checkValues(ctx, values);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertContact(trx, { ...values, key: input.key, organisationId: actor.organisationId!, updatedBy: actor.accountId, at: ctx.now });
    if (!created) throw new AppError('invalid', 'This key is already used.', { fields: { key: 'This key is already used' } });
    await recordAudit(ctx, trx, { action: 'help_contact.created', entityType: 'help_contact', entityId: created, details: { key: input.key, country: input.country } });
    return created;
  });
  return present((await findContact(ctx.db, id, null))!, cutoffOf(ctx));
}

async function ownContact(ctx: Ctx, id: string): Promise<ContactRow> {
  const contact = await findContact(ctx.db, id, scope(ctx));
  if (!contact || !canKeepContact(ctx.actor, contact)) throw new AppError('not_found', 'No such contact.');
  return contact;
}

type Change = Partial<ContactValues> & { status?: string };

/** JSON with object keys sorted: jsonb hands labels back in its own key order. */
const comparable = (value: unknown) => JSON.stringify(value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort()) : value);

async function change(ctx: Ctx, contact: ContactRow, version: number, values: Change, audit: { action: string; details: Record<string, unknown> }): Promise<HelpDeskContact> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateContactRow(trx, contact.id, version, { ...values, updatedBy: actorOf(ctx).accountId, at: ctx.now }))) {
      const current = await findContact(trx, contact.id, null);
      throw new AppError('conflict', 'Someone else changed this contact in the meantime.', { current: current && present(current, cutoffOf(ctx)) });
    }
    await recordAudit(ctx, trx, { ...audit, entityType: 'help_contact', entityId: contact.id, organisationId: contact.organisationId });
  });
  return present((await findContact(ctx.db, contact.id, null))!, cutoffOf(ctx));
}

/** Changes every field of a contact (its status too: withdrawn ↔ published); the audit names the fields changed. */
export async function updateContact(ctx: Ctx, id: string, input: HelpContactUpdate): Promise<HelpDeskContact> {
  const contact = await ownContact(ctx, id);
  const values = valuesOf(input);
  await checkValues(ctx, values);
  const next: Change = { ...values, status: input.status };
  const changed = (Object.keys(next) as (keyof Change)[]).filter((k) => comparable(next[k]) !== comparable(contact[k]));
  return change(ctx, contact, input.version, next, { action: 'help_contact.updated', details: { key: contact.key, fields: changed } });
}

/** Records that the number was checked again at its source today. */
export async function verifyContact(ctx: Ctx, id: string, version: number): Promise<HelpDeskContact> {
  const contact = await ownContact(ctx, id);
  return change(ctx, contact, version, { verifiedOn: today(ctx) }, { action: 'help_contact.verified', details: { key: contact.key } });
}

/** Takes a contact off the public list (kept, and can be published again by editing it). */
export async function withdrawContact(ctx: Ctx, id: string, version: number): Promise<HelpDeskContact> {
  const contact = await ownContact(ctx, id);
  return change(ctx, contact, version, { status: 'withdrawn' }, { action: 'help_contact.withdrawn', details: { key: contact.key } });
}

/** For the signed-in home: contacts the actor keeps whose last check is 12 months old or more (0 for everyone else). */
export async function helpContactsDue(db: Db, actor: Actor, now: Date): Promise<number> {
  const organisationId = contactScope(actor);
  if (organisationId === undefined) return 0;
  return countDueContacts(db, organisationId, reverifyCutoff(now, HELP_REVERIFY_MONTHS));
}
