// Knowledge library, reader reports: anyone can say a section is wrong, outdated, unclear or missing something
// (rate-limited per address, no personal data asked); editors close each report with a revision or a reason.
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { consumeAttempt } from '#server/features/auth/rate-limit.service.ts';
import type { Report, ReportClose, ReportCreate, ReportList } from '#shared/library/library-report.schema.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { canWorkOn, workOrganisation } from './library.policy.ts';
import { closeReportRow, insertReport, listReports, type ReportRow } from './report.queries.ts';
import { findSectionContext } from './structure.queries.ts';
import { findRevision } from './text.queries.ts';

const REPORTS_PER_HOUR = 10;

function present(r: ReportRow): Report {
  const { organisationId: _org, ...rest } = r;
  return { ...rest, language: r.language as LibraryLanguage, kind: r.kind as Report['kind'], status: r.status as Report['status'], resolution: r.resolution as Report['resolution'] };
}

/** Files a reader's report. */
export async function createReport(ctx: Ctx, input: ReportCreate): Promise<{ id: string }> {
  await consumeAttempt(ctx.db, ctx.now, [{ key: `library_report:ip:${ctx.ip ?? 'unknown'}`, max: REPORTS_PER_HOUR, windowMs: 60 * 60_000 }]);
  const section = await findSectionContext(ctx.db, input.sectionId);
  if (!section) throw new AppError('invalid', 'This section does not exist.', { fields: { sectionId: 'Unknown section' } });
  return ctx.db.transaction().execute(async (trx) => {
    const comment = input.comment?.trim() || null;
    const reporterAccountId = ctx.actor?.fullySignedIn ? ctx.actor.accountId : null;
    const { id } = await insertReport(trx, { sectionId: section.sectionId, language: input.language, kind: input.kind, comment, reporterAccountId, createdAt: ctx.now });
    await recordAudit(ctx, trx, {
      action: 'report.created',
      entityType: 'library_report',
      entityId: id,
      organisationId: section.organisationId,
      actorAccountId: reporterAccountId,
      details: { sectionId: section.sectionId, language: input.language, kind: input.kind },
    });
    return { id };
  });
}

function scope(ctx: Ctx): string | null {
  const organisationId = workOrganisation(ctx.actor);
  if (organisationId === undefined) throw new AppError('forbidden', 'Only editors and reviewers can do this.');
  return organisationId;
}

/** Open reports on the publications of `organisationId` (null: all). */
export async function listOpenReports(ctx: Ctx, organisationId: string | null): Promise<Report[]> {
  return (await listReports(ctx.db, { organisationId, status: 'open' })).map(present);
}

/** Reports on the actor's publications, open or closed. */
export async function listReaderReports(ctx: Ctx, status: 'open' | 'closed'): Promise<ReportList> {
  return { reports: (await listReports(ctx.db, { organisationId: scope(ctx), status })).map(present) };
}

/** Closes a report as revised (naming the revision that fixed it) or declined (with a reason). */
export async function closeReport(ctx: Ctx, id: string, input: ReportClose): Promise<Report> {
  const [report] = await listReports(ctx.db, { organisationId: scope(ctx), id });
  if (!report || !canWorkOn(ctx.actor, report)) throw new AppError('not_found', 'No such report.');
  const revisionId = input.resolution === 'revised' ? input.revisionId : null;
  if (revisionId) {
    const revision = await findRevision(ctx.db, revisionId);
    if (!revision || revision.sectionId !== report.sectionId) {
      throw new AppError('invalid', 'That revision is not of the reported section.', { fields: { revisionId: 'Choose a revision of this section' } });
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    const closing = { resolution: input.resolution, resolutionNote: input.note || null, resolvedRevisionId: revisionId, closedBy: actorOf(ctx).accountId, closedAt: ctx.now };
    if (!(await closeReportRow(trx, id, input.version, closing))) {
      const [current] = await listReports(trx, { organisationId: null, id });
      throw new AppError('conflict', 'Someone else changed this report in the meantime.', { current: current && present(current) });
    }
    await recordAudit(ctx, trx, {
      action: 'report.closed',
      entityType: 'library_report',
      entityId: id,
      organisationId: report.organisationId,
      details: { sectionId: report.sectionId, resolution: input.resolution, revisionId },
    });
  });
  const [closed] = await listReports(ctx.db, { organisationId: null, id });
  return present(closed!);
}
