// The registration panel of an event's public page, owned by the event-registration feature (it replaces this first
// version): registering, the waiting list and "Add to calendar".
import type { ReactNode } from 'react';

export function RegistrationPanel(_props: { eventId: string }): ReactNode {
  return null;
}
