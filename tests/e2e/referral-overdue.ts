// For the referral journey's escalation step: a fresh data directory with the demo data, a directory listing of the
// demo association, and an urgent referral from the Norwegian clinician sent five hours ago and never answered.
// NOTE: the clock is driven through the data: the referral and its jobs are written with a past time, then a real
// server starts on the directory and its job worker finds the escalation due.
import { loadConfig } from '#server/config.ts';
import { openDatabase } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { seedDemo } from '#server/features/demo/demo.service.ts';
import { DEMO_ORGANISATIONS } from '#server/features/demo/demo-data.ts';
import { operatorCtx } from '#server/features/organisations/operator.service.ts';
import { recordConsent } from '#server/features/referrals/consent.service.ts';
import { createReferral } from '#server/features/referrals/referral.service.ts';
import type { Actor } from '#server/http/access.ts';

const HOUR = 3_600_000;

export async function prepareOverdueReferral(dataDir: string): Promise<{ reference: string }> {
  const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const handle = await openDatabase(config);
  try {
    await migrateToLatest(handle.db);
    const sentAt = new Date(Date.now() - 5 * HOUR);
    const system = operatorCtx({ db: handle.db, config, now: () => sentAt });
    await seedDemo(system);
    const db = handle.db;
    const organisation = async (name: string) => (await db.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const association = await organisation(DEMO_ORGANISATIONS.association.name);
    const clinicianOrganisation = await organisation(DEMO_ORGANISATIONS.fjordsiden.name);
    const clinician = await db.selectFrom('account').select('id').where('email', '=', 'clinician-nb@demo.pro-health.example').executeTakeFirstOrThrow();
    const listing = await db.insertInto('directoryOrganization').values({ organisationId: association, name: DEMO_ORGANISATIONS.association.name, descriptions: '{}', country: 'RO', isDemo: true, updatedAt: sentAt }).returning('id').executeTakeFirstOrThrow();
    const service = await db
      .insertInto('directoryService')
      .values({ directoryOrganizationId: listing.id, name: 'Urgent medical counselling', summaries: '{}', reviewStatus: 'approved', acceptingReferrals: true, categories: '["medical"]', languages: '["ro","en"]', serviceAreas: '["RO-B"]', sexes: '[]', requiredDocuments: '[]', schedules: '[]', isDemo: true, updatedAt: sentAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    const actor: Actor = { accountId: clinician.id, sessionId: 'e2e', email: '', displayName: '', language: 'nb', isPlatformAdmin: false, organisationId: clinicianOrganisation, roles: ['medical_professional'], fullySignedIn: true, twoFactorEnabled: true, twoFactorRequired: true };
    const ctx = { ...system, actor };
    const consent = await recordConsent(ctx, { subjectCode: 'NO-URG-1', receiverServiceId: service.id, purposes: ['medical-care'], decision: 'given', coversIdentity: false, language: 'nb', withInterpreter: true, expiresOn: new Date(Date.now() + 30 * 24 * HOUR).toISOString().slice(0, 10) });
    const referral = await createReferral(ctx, {
      serviceId: service.id,
      send: true,
      package: { subjectCode: 'NO-URG-1', ageBand: '18-24', sex: 'female', languages: ['nb'], needs: ['medical'], urgency: 'urgent', safeContact: null, note: null, identity: null, consentId: consent.id },
    });
    return { reference: referral.reference };
  } finally {
    await handle.close();
  }
}
