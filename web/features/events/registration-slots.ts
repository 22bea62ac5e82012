// What the person's own registration page (/registration#<token>, event-registration) passes to the parts other
// features add to it: the QR code (event-check-in), the evaluation link (event-evaluation) and the certificate
// (certificates). Each part decides from these facts whether it shows anything.
export interface RegistrationSlotProps {
  /** The secret of the person's own link; sent in POST bodies only, never in a URL. */
  token: string;
  registrationId: string;
  eventId: string;
  status: string;
  checkedIn: boolean;
  /** The event has ended (evaluation and certificates open then). */
  eventEnded: boolean;
  language: string;
}
