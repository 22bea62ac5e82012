// Pure rules of the consent ledger: what state a consent is in, and whether it allows sharing with a receiver.
export type ConsentState = 'active' | 'withdrawn' | 'expired' | 'refused';

export interface ConsentFacts {
  organisationId: string;
  subjectCode: string;
  receiverOrganisationId: string | null;
  receiverDirectoryOrganizationId: string | null;
  decision: string;
  expiresAt: Date;
  withdrawnAt: Date | null;
}

/** The receiver a referral goes to: the directory organisation of its service, and its platform organisation if any. */
export interface ReceiverFacts {
  directoryOrganizationId: string;
  organisationId: string | null;
}

export function consentState(c: Pick<ConsentFacts, 'decision' | 'expiresAt' | 'withdrawnAt'>, now: Date): ConsentState {
  if (c.decision !== 'given') return 'refused';
  if (c.withdrawnAt) return 'withdrawn';
  if (c.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

export function namesReceiver(c: Pick<ConsentFacts, 'receiverOrganisationId' | 'receiverDirectoryOrganizationId'>, receiver: ReceiverFacts): boolean {
  if (c.receiverDirectoryOrganizationId === receiver.directoryOrganizationId) return true;
  return receiver.organisationId !== null && c.receiverOrganisationId === receiver.organisationId;
}

const PROBLEMS: Record<Exclude<ConsentState, 'active'> | 'missing' | 'other-receiver' | 'other-person', string> = {
  missing: 'A referral needs a consent record naming the receiving organisation.',
  refused: 'The person refused this consent: nothing can be shared on it.',
  withdrawn: 'The person withdrew this consent: nothing more can be shared on it.',
  expired: 'This consent has expired: record a new consent before sharing.',
  'other-receiver': 'This consent does not name the receiving organisation of this service.',
  'other-person': 'This consent was recorded for another code than the one in the referral.',
};

/** Why this consent does not allow sharing this package with this receiver, or null when it does. */
export function consentProblem(
  c: ConsentFacts | undefined,
  o: { senderOrganisationId: string; subjectCode: string; receiver: ReceiverFacts; now: Date },
): string | null {
  if (!c || c.organisationId !== o.senderOrganisationId) return PROBLEMS.missing;
  const state = consentState(c, o.now);
  if (state !== 'active') return PROBLEMS[state];
  if (!namesReceiver(c, o.receiver)) return PROBLEMS['other-receiver'];
  if (c.subjectCode !== o.subjectCode) return PROBLEMS['other-person'];
  return null;
}
