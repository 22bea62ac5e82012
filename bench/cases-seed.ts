// Seeds the case-file benchmark: 100,000 cases (90 % in one organisation, the rest among nine others) and about
// 1,000,000 assistance records in a few INSERT … SELECT generate_series statements, teams so that the bench user is
// on 2,000 cases of their organisation (owner of 1,000, member of 1,000), and a sealed identity with its blind-index
// entries for every case (sealed in Node, in batches). Names are fictional ("Bench 42").
import { sql } from 'kysely';
import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/db.ts';
import { identityDigests, seal, sealJson } from '#server/features/cases/vault.ts';
import { CASE_CATEGORIES } from '#shared/cases/case-vocabulary.ts';

export const CASES = 100_000;
const IN_MAIN = 90_000;
const OTHER_ORGANISATIONS = 9;
const OWNERS_MAIN = 40;
const IDENTITY_BATCH = 2_000;

const ALL_GRANTS = JSON.stringify(CASE_CATEGORIES);

/** Organisations and owner accounts; returns the main organisation and its owners. */
async function seedPeople(db: Db): Promise<{ main: string; others: string[]; owners: string[] }> {
  const orgs = await db
    .insertInto('organisation')
    .values(Array.from({ length: 1 + OTHER_ORGANISATIONS }, (_, i) => ({ name: `Bench NGO ${i + 1}`, type: 'NGO', country: 'RO' })))
    .returning('id')
    .execute();
  const [main, ...others] = orgs.map((o) => o.id) as [string, ...string[]];
  const accounts = await db
    .insertInto('account')
    .values(Array.from({ length: OWNERS_MAIN + OTHER_ORGANISATIONS }, (_, i) => ({ email: `owner-${i}@bench.example`, displayName: `Case manager ${i + 1}` })))
    .returning('id')
    .execute();
  const ids = accounts.map((a) => a.id);
  await db
    .insertInto('membership')
    .values(ids.map((accountId, i) => ({ accountId, organisationId: i < OWNERS_MAIN ? main : others[i - OWNERS_MAIN]!, roles: ['case_manager'] })))
    .execute();
  return { main, others, owners: ids };
}

/** Cases with spreads like the field's: mostly adult women, mostly Romanian, 70 % still open, opened over 11 years. */
async function seedCases(db: Db, main: string, others: string[], owners: string[], benchUser: string): Promise<void> {
  const mainOwners = owners.slice(0, OWNERS_MAIN);
  const otherOwners = owners.slice(OWNERS_MAIN);
  await sql`
    insert into case_file (organisation_id, code, status, closure_reason, closed_at, trafficking_status, age_band, gender, citizenship, languages, victim_context, owner_account_id, opened_at, created_at, updated_at)
    select case when g <= ${IN_MAIN} then ${main}::uuid else (${others}::uuid[])[1 + g % ${OTHER_ORGANISATIONS}] end,
           'PH-' || (2015 + g % 12) || '-' || lpad(g::text, 6, '0'),
           (array['Active','Active','Active','Active','Active','Active','Active','Active','Active','Active','Active','FollowUp','FollowUp','FollowUp','Closed','Closed','Closed','Closed','Closed','ClosedReferred'])[1 + (g * 7) % 20],
           case when (g * 7) % 20 >= 14 then (array['goals_reached','person_ended_contact','lost_contact','referred_on','moved_away'])[1 + g % 5] end,
           case when (g * 7) % 20 >= 14 then now() - (g % 1000) * interval '1 day' end,
           (array['PossibleVictimOfTrafficking','ActualVictimOfTrafficking','ActualVictimOfTrafficking','NotAVictimOfTrafficking'])[1 + g % 4],
           (array['18-20','21-23','21-23','24-26','24-26','24-26','27-29','27-29','30-38','30-38','39-47','48+','9-17'])[1 + (g * 13) % 13],
           case when g % 5 = 0 then 'Masculine' else 'Feminine' end,
           jsonb_build_array((array['RO','RO','RO','RO','RO','RO','MD','BG','UA'])[1 + g % 9]),
           '["ro"]'::jsonb,
           '{}'::jsonb,
           case when g <= ${IN_MAIN} and g % 90 = 0 then ${benchUser}::uuid
                when g <= ${IN_MAIN} then (${mainOwners}::uuid[])[1 + g % ${OWNERS_MAIN}]
                else (${otherOwners}::uuid[])[1 + g % ${OTHER_ORGANISATIONS}] end,
           now() - ((g * 37) % 4000) * interval '1 day',
           now() - ((g * 37) % 4000) * interval '1 day',
           now() - ((g * 53) % 200000) * interval '1 minute'
    from generate_series(1, ${CASES}) as g`.execute(db);
  // Owners hold every grant; the bench user also sits on 1,000 cases of colleagues with general + health; one case in
  // three has a second member (general + social).
  await sql`insert into case_member (case_id, account_id, organisation_id, case_organisation_id, is_owner, grants) select id, owner_account_id, organisation_id, organisation_id, true, ${ALL_GRANTS}::jsonb from case_file`.execute(db);
  await sql`
    insert into case_member (case_id, account_id, organisation_id, case_organisation_id, is_owner, grants)
    select id, ${benchUser}::uuid, organisation_id, organisation_id, false, '["general","health"]'::jsonb from case_file
    where organisation_id = ${main}::uuid and right(code, 6)::int % 90 = 45`.execute(db);
  await sql`
    insert into case_member (case_id, account_id, organisation_id, case_organisation_id, is_owner, grants)
    select id, (${mainOwners}::uuid[])[1 + (right(code, 6)::int + 7) % ${OWNERS_MAIN}], organisation_id, organisation_id, false, '["general","social"]'::jsonb from case_file
    where organisation_id = ${main}::uuid and right(code, 6)::int % 3 = 0 and right(code, 6)::int % 90 <> 45
      and owner_account_id <> (${mainOwners}::uuid[])[1 + (right(code, 6)::int + 7) % ${OWNERS_MAIN}]`.execute(db);
}

/** 2 to 18 records a case (about 10 on average: 1,000,000 in all), most delivered, the types in proportion. */
async function seedAssistance(db: Db): Promise<void> {
  await sql`
    insert into case_assistance (case_id, organisation_id, type, category, state, occurred_on, provider_role, delivery_mode, interpreter_used, follow_up_due, shared_with)
    select c.id, c.organisation_id,
           (array['medical_counselling','medical_assistance','psychological','social','legal','accompaniment','interpretation','shelter','medical_counselling','psychological'])[1 + (c.n + k * 3) % 10],
           (array['health','health','psychological','social','legal','social','social','social','health','psychological'])[1 + (c.n + k * 3) % 10],
           (array['delivered','delivered','delivered','delivered','accepted','offered','declined'])[1 + (c.n + k) % 7],
           (c.opened_at + k * interval '9 days')::date,
           (array['doctor','nurse','psychologist','social_worker','lawyer'])[1 + k % 5],
           (array['in_person','in_person','phone','online'])[1 + (c.n + k) % 4],
           (c.n + k) % 6 = 0,
           case when k % 4 = 0 then (c.opened_at + (k + 3) * interval '9 days')::date end,
           '[]'::jsonb
    from (select id, organisation_id, opened_at, right(code, 6)::int as n from case_file) c
    cross join lateral generate_series(1, 2 + c.n % 17) as k`.execute(db);
}

/** A sealed identity and its blind-index entries for every case, in batches (the seal is AES-256-GCM per field). */
async function seedIdentities(db: Db, config: Config): Promise<void> {
  const keys = config.encryptionKeys;
  const indexKey = config.blindIndexKeys[0]!;
  const cases = await db.selectFrom('caseFile').select(['id', 'organisationId', 'code']).orderBy('code').execute();
  for (let from = 0; from < cases.length; from += IDENTITY_BATCH) {
    const batch = cases.slice(from, from + IDENTITY_BATCH);
    const identities = batch.map((c, i) => {
      const n = from + i;
      const person = { givenName: `Bench ${n}`, familyName: `Fictional ${n % 997}`, birthDate: `19${70 + (n % 30)}-0${1 + (n % 9)}-1${n % 10}`, contacts: [{ kind: 'phone' as const, value: `+40 7${String(n).padStart(8, '0')}` }], documents: [{ type: 'identity_card' as const, number: `BX${String(n).padStart(6, '0')}` }] };
      return { c, person };
    });
    await db
      .insertInto('caseIdentity')
      .values(
        identities.map(({ c, person }) => ({
          caseId: c.id,
          organisationId: c.organisationId,
          givenName: seal(keys, person.givenName),
          familyName: seal(keys, person.familyName),
          birthDate: seal(keys, person.birthDate),
          contacts: sealJson(keys, person.contacts),
          addresses: sealJson(keys, [{ kind: 'current', text: `Strada Fictivă ${n(c.code)}, Iași` }]),
          documents: sealJson(keys, person.documents),
          guardian: sealJson(keys, null),
        })),
      )
      .execute();
    await db
      .insertInto('caseIdentityIndex')
      .values(identities.flatMap(({ c, person }) => identityDigests(indexKey, c.organisationId, person).map((e) => ({ ...e, caseId: c.id, organisationId: c.organisationId }))))
      .execute();
  }
}
const n = (code: string) => Number(code.slice(-6));

/** Seeds everything; returns the main organisation. The bench user must exist (a case manager of `main`). */
export async function seedCaseBench(db: Db, config: Config, createBenchUser: (organisationId: string) => Promise<string>, log: (line: string) => void): Promise<string> {
  let started = performance.now();
  const lap = (what: string) => {
    log(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
  };
  const { main, others, owners } = await seedPeople(db);
  const benchUser = await createBenchUser(main);
  await seedCases(db, main, others, owners, benchUser);
  lap('cases and teams');
  await seedAssistance(db);
  lap('assistance records');
  await seedIdentities(db, config);
  lap('sealed identities and blind index');
  // NOTE: a settled database, as autovacuum leaves it on PostgreSQL (and the daily purge job on PGlite, which runs no
  // autovacuum): the visibility map lets the case list read its ids from indexes alone.
  for (const table of ['case_file', 'case_member', 'case_identity', 'case_assistance']) await sql.raw(`vacuum (analyze) ${table}`).execute(db);
  await sql`analyze`.execute(db);
  lap('vacuum and analyze');
  return main;
}
