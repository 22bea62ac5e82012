// The inputs of the FHIR facade (/fhir, API tokens only; docs/fhir.md). Answers are FHIR R4 resources, checked in the
// tests against the HL7 R4 JSON schema and Medplum's structural validator rather than described here again.
//   GET   /fhir/metadata                                   CapabilityStatement          public
//   GET   /fhir/Task?owner=&requester=&status=&_lastUpdated=&_count=&_cursor=  Bundle searchset   referrals:read
//   GET   /fhir/Task/:id  · /fhir/ServiceRequest/:id · /fhir/Consent/:id                         referrals:read
//   GET   /fhir/Task/:id/$bundle                           Bundle collection (the whole referral)  referrals:read
//   PATCH /fhir/Task/:id          JSON Patch (FhirTaskPatch)  Task                     referrals:write
import { z } from 'zod';
import { line, queryInt, TimeIdCursor, Timestamp } from '../lib/input.ts';
import { TASK_STATUSES, TaskStatusSchema } from '../referrals/task-status.ts';

export const FHIR_PAGE_MAX = 100;
export const FHIR_PAGE_DEFAULT = 20;

/** "Organization/<uuid>" or a bare uuid → the uuid. */
const OrganizationRef = line(100)
  .transform((v) => v.replace(/^Organization\//, ''))
  .pipe(z.uuid('Use Organization/<id>'));

/** A comma-separated list of task-status codes (FHIR's "or" within one parameter). */
const StatusList = line(TASK_STATUSES.join(',').length)
  .transform((v) => v.split(',').map((s) => s.trim()))
  .pipe(z.array(TaskStatusSchema).min(1).max(TASK_STATUSES.length));

/** FHIR date search with a prefix: gt|ge|lt|le then an instant with a time zone. */
const LastUpdated = line(40)
  .regex(/^(gt|ge|lt|le)\d/, 'Use gt, ge, lt or le followed by a date-time with a time zone')
  .transform((v) => ({ prefix: v.slice(0, 2) as 'gt' | 'ge' | 'lt' | 'le', at: v.slice(2) }))
  .pipe(z.object({ prefix: z.enum(['gt', 'ge', 'lt', 'le']), at: Timestamp }));

export const FhirTaskSearchSchema = z
  .object({
    owner: OrganizationRef.optional(),
    requester: OrganizationRef.optional(),
    status: StatusList.optional(),
    _lastUpdated: LastUpdated.optional(),
    _count: queryInt(1, FHIR_PAGE_MAX).optional(),
    _cursor: TimeIdCursor.optional(),
    _format: z.enum(['json', 'application/json', 'application/fhir+json']).optional(),
  })
  .strict();
export type FhirTaskSearch = z.infer<typeof FhirTaskSearchSchema>;

export const FhirIdParamsSchema = z.object({ id: z.uuid('Not a resource id of this server') }).strict();

/** The reason and outcome a receiver may set with the status: one line of text, a plain outcome code. */
const Reason = line(500);
const OutcomeCode = line(40);

const Coded = z.object({ coding: z.array(z.object({ system: line(200).optional(), code: OutcomeCode }).strict()).min(1).max(3) }).strict();

/**
 * The JSON Patch subset accepted on a Task (RFC 6902): replace (or add) /status, /statusReason, /businessStatus,
 * /output; test on /status or /meta/versionId to make the change conditional. Anything else is refused with 400.
 */
const PatchOp = z.discriminatedUnion('path', [
  z.object({ op: z.enum(['replace', 'add', 'test']), path: z.literal('/status'), value: TaskStatusSchema }).strict(),
  z.object({ op: z.literal('test'), path: z.literal('/meta/versionId'), value: line(12).regex(/^\d{1,9}$/) }).strict(),
  z.object({ op: z.enum(['replace', 'add']), path: z.literal('/statusReason'), value: z.object({ text: Reason }).strict() }).strict(),
  z.object({ op: z.enum(['replace', 'add']), path: z.literal('/statusReason/text'), value: Reason }).strict(),
  z.object({ op: z.enum(['replace', 'add']), path: z.literal('/businessStatus'), value: Coded }).strict(),
  z.object({
    op: z.enum(['replace', 'add']),
    path: z.literal('/output'),
    value: z.array(z.object({ type: Coded.optional(), valueCodeableConcept: Coded }).strict()).min(1).max(1),
  }).strict(),
]);

export const FhirTaskPatchSchema = z.array(PatchOp).min(1).max(6);
export type FhirTaskPatch = z.infer<typeof FhirTaskPatchSchema>;
