// Who may see a referral's package (the person's details, how to reach them safely, the sender's note). One rule
// for every way in (the web detail and the FHIR facade), so a withdrawn consent stops sharing everywhere at once.

export interface PackageAccessFacts {
  /** The caller's organisation is the referral's sender (a sender to a service outside the platform holds both sides). */
  isSender: boolean;
  status: string;
  /** When the consent the referral relies on now was withdrawn; null while it holds. */
  consentWithdrawnAt: Date | null;
}

/** The sender always; the receiver only once the referral is sent and while its consent is not withdrawn. */
export function maySeePackage(f: PackageAccessFacts): boolean {
  if (f.isSender) return true;
  return f.status !== 'draft' && f.consentWithdrawnAt === null;
}
