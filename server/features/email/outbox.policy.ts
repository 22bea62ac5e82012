// Who may read email bodies in the outbox; which emails follows adminReadScope in server/http/access.ts.
/**
 * Bodies hold single-use links (invitations, password resets) meant for the recipient alone. They are shown only
 * while no mail server delivers them, i.e. when the outbox is the delivery channel (the demo).
 */
export function canReadBody(mailerDelivers: boolean): boolean {
  return !mailerDelivers;
}
