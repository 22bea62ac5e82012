// Asking for an account: a professional without one sends who they are and which organisation they would join. The
// request always gets the same answer after the same work (counted, then one queued job), so neither the answer nor
// its timing tells whether the address already has an account; the job decides what happens.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit, systemCtx } from '#server/features/audit/audit.service.ts';
import { consumeAttempt, type Limit } from '#server/features/auth/rate-limit.service.ts';
import { queueEmail } from '#server/features/email/email.service.ts';
import { enqueueJob, type JobHandler } from '#server/features/jobs/jobs.service.ts';
import { decrypt, encrypt, sha256 } from '#server/lib/crypto.ts';
import { AccessRequestCreateSchema, type AccessRequestCreate, type ListedOrganisationList } from '#shared/access-requests/access-request.schema.ts';
import { existingAccountEmail, handlerNoticeEmail } from './access-request-email.ts';
import * as queries from './access-request.queries.ts';

export const ACCESS_REQUEST_JOB = 'access_request_received';
export const ACCESS_REQUEST_JOB_DELAY_MS = 10_000;
const HOUR_MS = 60 * 60_000;
export const REQUESTS_PER_ADDRESS_PER_HOUR = 5;
export const REQUESTS_PER_EMAIL_PER_DAY = 3;
const SealedSchema = z.object({ input: AccessRequestCreateSchema, ip: z.string().nullable(), requestedAt: z.iso.datetime() });

/** The organisations offered on the form: only those whose admins chose to be listed, id and name only. */
export async function listListedOrganisations(ctx: Ctx): Promise<ListedOrganisationList> {
  return { organisations: await queries.listListedOrganisations(ctx.db) };
}

function limitsFor(ip: string | null, email: string): Limit[] {
  return [
    { key: `access_request:ip:${ip ?? 'unknown'}`, max: REQUESTS_PER_ADDRESS_PER_HOUR, windowMs: HOUR_MS },
    { key: `access_request:email:${sha256(email.toLowerCase())}`, max: REQUESTS_PER_EMAIL_PER_DAY, windowMs: 24 * HOUR_MS },
  ];
}

/** Counts the request against its limits, checks the organisation is listed, and queues the sealed request. */
export async function submitAccessRequest(ctx: Ctx, input: AccessRequestCreate): Promise<void> {
  await consumeAttempt(ctx.db, ctx.now, limitsFor(ctx.ip, input.email));
  if (input.organisationId && !(await queries.isListed(ctx.db, input.organisationId))) {
    const message = 'Choose an organisation from the list.';
    throw new AppError('invalid', message, { fields: { organisationId: message } });
  }
  // NOTE: as with password resets, the whole request is sealed with the keyring (the job table holds nothing in
  // clear) and handled 0–10 s later, so the extra work for a new address does not follow the request predictably.
  const request = encrypt(ctx.config.encryptionKeys, JSON.stringify({ input, ip: ctx.ip, requestedAt: ctx.now.toISOString() }));
  const runAt = new Date(ctx.now.getTime() + randomInt(ACCESS_REQUEST_JOB_DELAY_MS));
  await enqueueJob(ctx.db, { kind: ACCESS_REQUEST_JOB, payload: { request }, runAt, maxAttempts: 3 });
}

/**
 * The access_request_received job. An address with an active account gets a "you already have one" email and no
 * request is stored; a disabled account gets nothing; a repeat of a pending request changes nothing; otherwise the
 * request is stored (name and email sealed) and its handlers are told by a neutral email.
 */
export const accessRequestJob: JobHandler = async (job, { deps, log, now }) => {
  const sealed = decrypt(deps.config.encryptionKeys, String(job.payload.request ?? ''));
  const { input, ip, requestedAt } = SealedSchema.parse(JSON.parse(sealed));
  const keyring = deps.config.encryptionKeys;
  await deps.db.transaction().execute(async (trx) => {
    const account = await queries.findAccountForEmail(trx, input.email);
    if (account) {
      if (!account.disabledAt) await queueEmail(trx, existingAccountEmail({ to: account.email, language: input.language, publicUrl: deps.config.publicUrl }));
      return;
    }
    const inserted = await queries.insertAccessRequest(
      trx,
      {
        nameSealed: encrypt(keyring, input.name),
        emailSealed: encrypt(keyring, input.email),
        emailHash: sha256(input.email.toLowerCase()),
        profession: input.profession,
        professionOther: input.profession === 'other' ? (input.professionOther ?? null) : null,
        institution: input.institution,
        country: input.country,
        organisationId: input.organisationId,
        language: input.language,
      },
      // NOTE: the request's own time, not the job's (0–10 s later): admins see when it was sent, the purge counts from it.
      new Date(requestedAt),
    );
    if (!inserted) return;
    for (const handler of await queries.findRequestHandlers(trx, input.organisationId)) {
      await queueEmail(trx, handlerNoticeEmail({ to: handler.email, language: handler.language, publicUrl: deps.config.publicUrl, organisationId: input.organisationId }));
    }
    const ctx = { ...systemCtx(trx, deps.config, log, now), ip };
    await recordAudit(ctx, trx, {
      action: 'access_request.received',
      entityType: 'access_request',
      entityId: inserted.id,
      actorAccountId: null,
      organisationId: input.organisationId,
    });
  });
};

/** Deletes requests nobody handled within 30 days and handled ones 30 days after the decision (daily purge). */
export async function purgeAccessRequests(db: Ctx['db'], before: Date): Promise<number> {
  return queries.purgeAccessRequests(db, before);
}
