// Seeds the demo case files (demo-cases-data.ts: fictional people) in the demo seed's transaction, with the same rows
// the case services write: the case with its code, the owner with every grant, the identity sealed field by field and
// its blind-index entries, the consent ledger (services and statistics; a share naming the psychologist's
// organisation where she is on the team), the assistance records, and a case.opened audit entry.
import type { Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { identityDigests, seal, sealJson } from '#server/features/cases/vault.ts';
import { ASSISTANCE_CATEGORY, CASE_CATEGORIES, CONSENT_GUIDANCE_ITEMS, type AssistanceType } from '#shared/cases/case-vocabulary.ts';
import { demoCases, type DemoCase } from './demo-cases-data.ts';
import type { DemoOrganisationKey } from './demo-data.ts';

export interface DemoCasePeople {
  /** The account that owns the cases of each organisation that holds some. */
  owners: Partial<Record<DemoOrganisationKey, string>>;
  psychologist: string;
}

const GUIDANCE = JSON.stringify(Object.fromEntries(CONSENT_GUIDANCE_ITEMS.map((item) => [item, { informed: 'yes' }])));
const at = (on: string) => new Date(`${on}T10:00:00Z`);

function victimContext(c: DemoCase, n: number) {
  const exploitationCountry = c.citizenship === 'RO' ? ['IT', 'ES', 'DE', 'GB', 'RO'][n % 5]! : 'RO';
  const year = Number(c.openedOn.slice(0, 4));
  return {
    typeOfExploitation: { answer: 'given', values: [c.exploitation] },
    ...(c.exploitation === 'SexualExploitation' ? { typeOfSexExploitation: { answer: 'given', values: ['Prostitution'] } } : {}),
    ...(c.exploitation === 'ForcedLabour' ? { forcedLabourIndustry: { answer: 'given', values: [['A_AgricultureForestryAndFishing', 'F_Construction', 'I_AccommodationAndFoodServiceActivities'][n % 3]] } } : {}),
    // NOTE: "declined" and "not asked" stay apart from an answer (domain.md §6)
    methodsOfControl: n % 6 === 0 ? { answer: 'declined' } : { answer: 'given', values: n % 2 ? ['FalsePromises', 'TakesEarnings'] : ['PsychologicalAbuse', 'WithholdsDocuments', 'DebtBondage'] },
    methodOfRecruitment: n % 5 === 0 ? { answer: 'not_asked' } : { answer: 'given', values: [n % 2 ? 'ThroughFriendsOrSocialEvents' : 'ThroughOnlineSocialNetworks'] },
    relationshipToTrafficker: { answer: 'given', values: [c.exploitation === 'ForcedMarriage' ? 'Familial' : n % 3 ? 'Acquainted' : 'Unaquainted'] },
    historicEvents: [
      { type: 'Recruitment', country: c.citizenship, year: year - 1 },
      { type: 'Exploitation', country: exploitationCountry, year: year - (n % 2) },
    ],
  };
}

async function insertCase(ctx: Ctx, trx: Transaction<Database>, c: DemoCase, n: number, ids: Record<DemoOrganisationKey, string>, people: DemoCasePeople): Promise<void> {
  const keys = ctx.config.encryptionKeys;
  const organisationId = ids[c.organisation];
  const ownerAccountId = people.owners[c.organisation]!;
  const year = Number(c.openedOn.slice(0, 4));
  const counter = await trx
    .insertInto('caseCodeCounter')
    .values({ organisationId, year, last: 1 })
    .onConflict((oc) => oc.columns(['organisationId', 'year']).doUpdateSet((eb) => ({ last: eb('caseCodeCounter.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  const code = `PH-${year}-${String(counter.last).padStart(4, '0')}`;
  const closedAt = c.closedOn ? at(c.closedOn) : null;
  const safeContact = c.withPsychologist ? sealJson(keys, { channels: ['phone_call', 'in_person'], times: 'Zilele lucrătoare, 10–16', codeWord: null, never: ['no_voicemail', 'no_messages_with_our_name'], note: null }) : null;
  const made = await trx
    .insertInto('caseFile')
    .values({
      organisationId,
      code,
      status: c.status,
      closureReason: c.closureReason,
      closedAt,
      traffickingStatus: c.traffickingStatus,
      statusDecidedBy: c.decidedBy,
      ageBand: c.ageBand,
      gender: c.gender,
      citizenship: JSON.stringify([c.citizenship]),
      languages: JSON.stringify([c.language]),
      victimContext: JSON.stringify(victimContext(c, n)),
      childProtection: c.childProtection ? JSON.stringify(c.childProtection) : null,
      safeContact,
      ownerAccountId,
      openedAt: at(c.openedOn),
      createdBy: ownerAccountId,
      createdAt: at(c.openedOn),
      updatedAt: closedAt ?? at(c.openedOn),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const caseId = made.id;
  const members = [{ caseId, accountId: ownerAccountId, organisationId, caseOrganisationId: organisationId, isOwner: true, grants: JSON.stringify(CASE_CATEGORIES), addedBy: ownerAccountId, addedAt: at(c.openedOn) }];
  if (c.withPsychologist) members.push({ caseId, accountId: people.psychologist, organisationId: ids.aurora, caseOrganisationId: organisationId, isOwner: false, grants: JSON.stringify(['general', 'psychological']), addedBy: ownerAccountId, addedAt: at(c.openedOn) });
  await trx.insertInto('caseMember').values(members).execute();
  await insertIdentity(ctx, trx, c, n, caseId, organisationId, ownerAccountId);
  const servicesConsentId = await insertConsents(trx, c, caseId, organisationId, ownerAccountId, code, ids);
  await insertAssistance(trx, c, caseId, organisationId, ownerAccountId, ids, servicesConsentId);
  await recordAudit(ctx, trx, { action: 'case.opened', entityType: 'case', entityId: caseId, organisationId, actorAccountId: null, details: { via: 'demo', demo: true } });
}

/** Accepted and delivered records name the consent to services they rely on, as the service requires of a user. */
async function insertAssistance(trx: Transaction<Database>, c: DemoCase, caseId: string, organisationId: string, ownerAccountId: string, ids: Record<DemoOrganisationKey, string>, servicesConsentId: string): Promise<void> {
  await trx
    .insertInto('caseAssistance')
    .values(
      c.assistance.map((a) => ({
        caseId,
        organisationId,
        type: a.type,
        category: ASSISTANCE_CATEGORY[a.type as AssistanceType],
        state: a.state,
        occurredOn: a.on,
        providerOrganisationId: ids[a.provider],
        providerRole: a.providerRole,
        deliveryMode: 'in_person',
        interpreterUsed: a.interpreter !== null,
        interpreterLanguage: a.interpreter,
        serviceCategory: a.serviceCategory,
        outcome: a.outcome,
        consentId: a.state === 'accepted' || a.state === 'delivered' ? servicesConsentId : null,
        sharedWith: JSON.stringify(a.provider === c.organisation ? [] : [ids[a.provider]]),
        createdBy: ownerAccountId,
        createdAt: at(a.on),
        updatedAt: at(a.on),
      })),
    )
    .execute();
}

async function insertIdentity(ctx: Ctx, trx: Transaction<Database>, c: DemoCase, n: number, caseId: string, organisationId: string, by: string): Promise<void> {
  const keys = ctx.config.encryptionKeys;
  const identity = {
    givenName: c.givenName,
    familyName: c.familyName,
    birthDate: `${c.birthYear}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 27)).padStart(2, '0')}`,
    // NOTE: placeholder numbers (+40 700 000 xxx is not assigned) and made-up document numbers
    contacts: [{ kind: 'phone' as const, value: `+40 700 000 ${String(100 + n).padStart(3, '0')}` }],
    documents: [{ type: 'identity_card' as const, number: `XD${String(100000 + n * 7)}` }],
  };
  await trx
    .insertInto('caseIdentity')
    .values({
      caseId,
      organisationId,
      givenName: seal(keys, identity.givenName),
      familyName: seal(keys, identity.familyName),
      birthDate: seal(keys, identity.birthDate),
      contacts: sealJson(keys, identity.contacts),
      addresses: sealJson(keys, [{ kind: 'current', text: 'Adresă fictivă, date de demonstrație' }]),
      documents: sealJson(keys, identity.documents),
      guardian: sealJson(keys, c.ageBand === '9-17' ? { name: `Tutore ${c.familyName}`, relationship: 'tutore legal (fictiv)', contact: null } : null),
      updatedBy: by,
    })
    .execute();
  const entries = identityDigests(ctx.config.blindIndexKeys[0]!, organisationId, identity);
  if (entries.length > 0) await trx.insertInto('caseIdentityIndex').values(entries.map((e) => ({ ...e, caseId, organisationId }))).execute();
}

/** The case's consents; returns the id of the consent to services (and statistics). */
async function insertConsents(trx: Transaction<Database>, c: DemoCase, caseId: string, organisationId: string, by: string, code: string, ids: Record<DemoOrganisationKey, string>): Promise<string> {
  const base = { caseId, organisationId, subjectCode: code, purposes: JSON.stringify([]), decision: 'given', language: c.language, withInterpreter: c.language !== 'ro', guidance: GUIDANCE, recordedBy: by, recordedAt: at(c.openedOn) };
  const years = (n: number) => new Date(Date.UTC(Number(c.openedOn.slice(0, 4)) + n, 11, 31));
  const rows = [{ ...base, scopes: JSON.stringify(['services', 'statistics']), expiresAt: years(c.withPsychologist ? 3 : 15), receiverOrganisationId: null as string | null }];
  if (c.withPsychologist) rows.push({ ...base, scopes: JSON.stringify(['share']), expiresAt: years(2), receiverOrganisationId: ids.aurora });
  const made = await trx.insertInto('consent').values(rows).returning(['id', 'scopes']).execute();
  return made.find((r) => (r.scopes as string[]).includes('services'))!.id;
}

/** Seeds the demo cases; returns how many. */
export async function seedDemoCases(ctx: Ctx, trx: Transaction<Database>, ids: Record<DemoOrganisationKey, string>, people: DemoCasePeople): Promise<number> {
  const cases = demoCases().map((c, n) => ({ c, n }));
  // NOTE: codes are handed out in opening order, as they would have been
  cases.sort((a, b) => a.c.openedOn.localeCompare(b.c.openedOn));
  for (const { c, n } of cases) await insertCase(ctx, trx, c, n, ids, people);
  return cases.length;
}
