// Library usage for dissemination reporting: anonymous daily counts of views and downloads per publication, chapter,
// language and the reader organisation's country. No account, address or session is ever stored with a count; one
// client counts once per chapter, language and kind in REPEAT_WINDOW_MS, so reloads and scripts cannot inflate them.
import { createHmac } from 'node:crypto';
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import type { UsageQuery, UsageReport } from '#shared/library/library-report.schema.ts';
import { claimUsageKey, countUsage, deleteExpiredUsageKeys, findOrganisationCountry, usageBetween } from './usage.queries.ts';

const REPEAT_WINDOW_MS = 30 * 60_000;
/** One count in this many also clears the expired keys: the table stays at about the last window's readers. */
const PURGE_EVERY = 200;

export interface UsageEvent {
  publicationId: string;
  /** '' for the whole publication (a PDF download). */
  chapterSlug: string;
  language: string;
  kind: 'view' | 'download';
}

/**
 * The key of "this client saw this" for REPEAT_WINDOW_MS. NOTE: an HMAC under the server's secret, not a plain hash:
 * the address space is small enough to hash every address and look a plain hash up, so a copied table would tell who read what.
 */
function repeatKey(ctx: Ctx, event: UsageEvent): string {
  const material = ['library-usage', ctx.ip ?? '', event.publicationId, event.chapterSlug, event.language, event.kind].join('\0');
  return createHmac('sha256', ctx.config.sessionSecret).update(material).digest('base64url');
}

/** Counts one view or download (the PDF feature calls this for downloads), unless this client was counted for it lately. */
export async function recordLibraryUsage(ctx: Ctx, event: UsageEvent): Promise<void> {
  const fresh = await claimUsageKey(ctx.db, repeatKey(ctx, event), ctx.now, new Date(ctx.now.getTime() + REPEAT_WINDOW_MS));
  if (Math.random() * PURGE_EVERY < 1) await deleteExpiredUsageKeys(ctx.db, ctx.now);
  if (!fresh) return;
  const organisationId = ctx.actor?.fullySignedIn ? ctx.actor.organisationId : null;
  const country = organisationId ? ((await findOrganisationCountry(ctx.db, organisationId))?.country ?? '') : '';
  await countUsage(ctx.db, { ...event, day: ctx.now.toISOString().slice(0, 10), country });
}

const MAX_DAYS = 3_660;

/**
 * Totals over a period. NOTE: not scoped to the caller's organisation on purpose: the publications are the
 * partnership's shared output, and the counts are anonymous aggregates with no organisation data in them.
 */
export async function getUsageReport(ctx: Ctx, query: UsageQuery): Promise<UsageReport> {
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
  if (days < 0) throw new AppError('invalid', 'The period ends before it starts.', { fields: { to: 'Choose a date on or after the start' } });
  if (days > MAX_DAYS) throw new AppError('invalid', 'The period is too long.', { fields: { from: 'Choose at most ten years' } });
  const rows = (await usageBetween(ctx.db, query.from, query.to)).map((r) => ({ ...r, kind: r.kind as 'view' | 'download' }));
  const total = (key: (r: (typeof rows)[number]) => string) => {
    const sums = new Map<string, number>();
    for (const r of rows) sums.set(key(r), (sums.get(key(r)) ?? 0) + r.count);
    return [...sums].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  };
  return {
    from: query.from,
    to: query.to,
    rows,
    totals: {
      all: rows.reduce((n, r) => n + r.count, 0),
      byPublication: total((r) => r.publicationSlug),
      byChapter: total((r) => `${r.publicationSlug}/${r.chapterSlug}`),
      byLanguage: total((r) => r.language),
      byKind: total((r) => r.kind),
      byCountry: total((r) => r.country),
    },
  };
}
