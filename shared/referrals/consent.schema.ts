// The consent ledger on the wire: recording a consent (given or refused) for one named receiver, listing the
// organisation's consents, and withdrawing one.
//   POST /api/consents                 ConsentCreate → ConsentView (201)
//   GET  /api/consents?subjectCode=&serviceId=   → ConsentList   the actor's organisation only
//   GET  /api/consents/:id             → ConsentView            the recording organisation only (else 404)
//   POST /api/consents/:id/withdraw    → ConsentView            also cancels the open referrals relying on it
import { z } from 'zod';
import { DateTime } from '../lib/datetime.ts';
import { Day, line } from '../lib/input.ts';
import { ConsentPurposeSchema } from './referral-vocabulary.ts';

export const ConsentCreateSchema = z
  .object({
    subjectCode: line(40).pipe(z.string().min(1, 'Give the pseudonymous code')),
    /** The one receiver, named one of three ways: a platform organisation, a directory organisation, or the one behind a service. */
    receiverOrganisationId: z.uuid().optional(),
    receiverDirectoryOrganizationId: z.uuid().optional(),
    receiverServiceId: z.uuid().optional(),
    purposes: z.array(ConsentPurposeSchema).min(1, 'Choose at least one purpose').max(4),
    decision: z.enum(['given', 'refused']),
    coversIdentity: z.boolean(),
    /** The language it was explained in (ISO 639-1). */
    language: z.string().regex(/^[a-z]{2}$/, 'Use a two-letter language code'),
    withInterpreter: z.boolean(),
    /** The last day it holds. */
    expiresOn: Day,
  })
  .strict()
  .refine((c) => [c.receiverOrganisationId, c.receiverDirectoryOrganizationId, c.receiverServiceId].filter(Boolean).length === 1, {
    message: 'Name exactly one receiving organisation',
    path: ['receiverServiceId'],
  });
export type ConsentCreate = z.infer<typeof ConsentCreateSchema>;

export const ConsentListQuerySchema = z
  .object({ subjectCode: line(40).optional(), serviceId: z.uuid().optional() })
  .strict();
export type ConsentListQuery = z.infer<typeof ConsentListQuerySchema>;

export const ConsentParamsSchema = z.object({ id: z.uuid() }).strict();

export const ConsentViewSchema = z.object({
  id: z.uuid(),
  subjectCode: z.string(),
  receiverName: z.string(),
  receiverOrganisationId: z.uuid().nullable(),
  receiverDirectoryOrganizationId: z.uuid().nullable(),
  purposes: z.array(ConsentPurposeSchema),
  decision: z.enum(['given', 'refused']),
  coversIdentity: z.boolean(),
  language: z.string(),
  withInterpreter: z.boolean(),
  recordedByName: z.string().nullable(),
  recordedAt: DateTime,
  expiresAt: DateTime,
  withdrawnAt: DateTime.nullable(),
  state: z.enum(['active', 'withdrawn', 'expired', 'refused']),
  /** Referrals that relied on it and were cancelled by the withdrawal (on withdraw only). */
  cancelledReferrals: z.number().optional(),
});
export type ConsentView = z.infer<typeof ConsentViewSchema>;

export const ConsentListSchema = z.object({ consents: z.array(ConsentViewSchema) });
export type ConsentList = z.infer<typeof ConsentListSchema>;
