// Turns the rows of one referral into the plain view the FHIR mapping reads, decrypting the package's texts.
import type { Db } from '#server/db/db.ts';
import { decrypt, type KeyringKey } from '#server/lib/crypto.ts';
import { maySeePackage } from '#server/features/referrals/package-access.ts';
import type { TaskStatus } from '#shared/referrals/task-status.ts';
import { findReferralParts, type TaskRow } from './fhir.queries.ts';
import type { OrganisationView, ReferralView, TaskView } from './mapping/referral-view.ts';

type Parts = Awaited<ReturnType<typeof findReferralParts>>;

/** What a Task alone needs (search results): no package, no consent. */
export function taskViewOf(row: TaskRow): TaskView {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status as TaskStatus,
    statusReason: row.statusReason,
    outcome: row.outcome,
    urgency: row.urgency,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    sentAt: row.sentAt,
    dueAt: row.dueAt,
    version: row.version,
    sender: { id: row.senderId, name: row.senderName },
    receiver: { id: row.receiverId, name: row.receiverName },
    subjectCode: row.subjectCode,
  };
}

function platformOrganisation(parts: Parts, id: string, directoryId: string | null): OrganisationView {
  const o = parts.organisations.find((r) => r.id === id);
  if (!o) throw new Error('a referral names an organisation that does not exist');
  return { id: o.id, name: o.name, country: o.country, type: o.type, platformId: o.id, directoryId, phone: o.phone, email: o.email, website: o.website };
}

const open = (keyring: readonly KeyringKey[], value: string | null) => (value ? decrypt(keyring, value) : null);

/**
 * The whole referral as the mapping reads it, for the client of `organisationId`. A receiver without the right to
 * the package (its consent withdrawn) gets it without the safe-contact instructions and the note.
 */
export async function loadReferralView(db: Db, keyring: readonly KeyringKey[], row: TaskRow, organisationId: string): Promise<ReferralView> {
  const parts = await findReferralParts(db, row);
  const s = parts.service;
  const listing: OrganisationView = { id: s.directoryOrganizationId, name: s.directoryName, country: s.directoryCountry, type: null, platformId: null, directoryId: s.directoryOrganizationId, phone: s.directoryPhone, email: s.directoryEmail, website: s.directoryWebsite };
  // NOTE: a receiver on the platform is named by its organisation id (what owner= searches take), its listing an identifier.
  const receiver = row.receiverId === listing.id ? listing : platformOrganisation(parts, row.receiverId, listing.id);
  const pkg = parts.pkg;
  if (!pkg) throw new Error('a referral without its package');
  const consentWithdrawnAt = parts.consent ? parts.consent.withdrawnAt : null;
  const texts = maySeePackage({ isSender: row.senderId === organisationId, status: row.status, consentWithdrawnAt });
  return {
    ...taskViewOf(row),
    sender: platformOrganisation(parts, row.senderId, null),
    receiver,
    service: { id: s.id, name: s.name, status: s.status, categories: s.categories, languages: s.languages, serviceAreas: s.serviceAreas, phone: s.phone, email: s.email, url: s.url, acceptingReferrals: s.acceptingReferrals, updatedAt: s.updatedAt },
    package: { ...pkg, safeContact: texts ? open(keyring, pkg.safeContact) : null, note: texts ? open(keyring, pkg.note) : null },
    consent: parts.consent ?? null,
  };
}
