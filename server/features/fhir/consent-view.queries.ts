// Consents as the FHIR export reads them: with who recorded them and the one receiver they name. A consent is
// visible to the organisation that recorded it, and to its receiver once a sent referral relies on it.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { ConsentView } from './mapping/referral-view.ts';

function consents(db: Db) {
  return db
    .selectFrom('consent')
    .innerJoin('organisation as recorderOrg', 'recorderOrg.id', 'consent.organisationId')
    .leftJoin('organisation as receiverOrg', 'receiverOrg.id', 'consent.receiverOrganisationId')
    .leftJoin('directoryOrganization', 'directoryOrganization.id', 'consent.receiverDirectoryOrganizationId')
    .select([
      'consent.id',
      'consent.subjectCode',
      'consent.decision',
      'consent.purposes',
      'consent.language',
      'consent.withInterpreter',
      'consent.recordedAt',
      'consent.expiresAt',
      'consent.withdrawnAt',
      'consent.version',
      'recorderOrg.id as recorderId',
      'recorderOrg.name as recorderName',
      sql<string>`coalesce(consent.receiver_organisation_id, consent.receiver_directory_organization_id)`.as('receiverId'),
      sql<string>`coalesce(receiver_org.name, directory_organization.name)`.as('receiverName'),
    ]);
}

type ConsentRow = Awaited<ReturnType<ReturnType<typeof consents>['executeTakeFirstOrThrow']>>;

function viewOf(row: ConsentRow): ConsentView {
  const { recorderId, recorderName, receiverId, receiverName, ...rest } = row;
  return { ...rest, recorder: { id: recorderId, name: recorderName }, receiver: { id: receiverId, name: receiverName } };
}

export async function findConsentView(db: Db, id: string): Promise<ConsentView | undefined> {
  const row = await consents(db).where('consent.id', '=', id).executeTakeFirst();
  return row ? viewOf(row) : undefined;
}

export async function findVisibleConsent(db: Db, organisationId: string, id: string): Promise<ConsentView | undefined> {
  const row = await consents(db)
    .where('consent.id', '=', id)
    .where((eb) =>
      eb.or([
        eb('consent.organisationId', '=', organisationId),
        eb.exists(
          eb
            .selectFrom('referral')
            .leftJoin('referralPackage', 'referralPackage.referralId', 'referral.id')
            .select(sql`1`.as('one'))
            .where('referral.receiverOrganisationId', '=', organisationId)
            .where('referral.status', '<>', 'draft')
            .where((inner) => inner.or([inner('referral.consentId', '=', id), inner('referralPackage.consentId', '=', id)])),
        ),
      ]),
    )
    .executeTakeFirst();
  return row ? viewOf(row) : undefined;
}
