// What the FHIR mapping reads: one referral as plain data, loaded and decrypted by fhir.queries.ts / fhir.service.ts.
// Nothing here is a database row, so the mapping functions stay pure and testable without a database.
import type { PackageFields, ReferralStateFields } from '#server/features/referrals/referral.queries.ts';
import type { TaskStatus } from '#shared/referrals/task-status.ts';

export interface OrganisationView {
  /** The FHIR Organization id: the platform organisation's id, or the directory listing's for one outside the platform. */
  id: string;
  name: string;
  country: string;
  /** HTCDS organisation type, for platform organisations. */
  type: string | null;
  platformId: string | null;
  directoryId: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
}

export interface ServiceView {
  id: string;
  name: string;
  status: string;
  categories: string[];
  languages: string[];
  serviceAreas: string[];
  phone: string | null;
  email: string | null;
  url: string | null;
  acceptingReferrals: boolean;
  updatedAt: Date;
}

/** One package version with safeContact (how and when the person may be reached) and the sender's note decrypted. */
export interface PackageView extends PackageFields {
  version: number;
  createdAt: Date;
}

export interface ConsentView {
  id: string;
  subjectCode: string;
  /** The organisation that recorded it (the sender). */
  recorder: Pick<OrganisationView, 'id' | 'name'>;
  /** The one receiver it names. */
  receiver: Pick<OrganisationView, 'id' | 'name'>;
  decision: string;
  purposes: string[];
  language: string;
  withInterpreter: boolean;
  recordedAt: Date;
  expiresAt: Date;
  withdrawnAt: Date | null;
  version: number;
}

export interface ReferralView extends ReferralStateFields {
  id: string;
  reference: string;
  status: TaskStatus;
  sender: OrganisationView;
  receiver: OrganisationView;
  service: ServiceView;
  package: PackageView;
  consent: ConsentView | null;
}

/** What a Task alone needs (a search result): the referral without its package, consent and service. */
export type TaskView = Omit<ReferralView, 'service' | 'package' | 'consent' | 'sender' | 'receiver'> & {
  sender: Pick<OrganisationView, 'id' | 'name'>;
  receiver: Pick<OrganisationView, 'id' | 'name'>;
  /** The person's pseudonymous code in the current package (the Task's `for`). */
  subjectCode: string;
};
