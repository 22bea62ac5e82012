// A part of the person's own registration page, owned by the certificates feature (it replaces this first version).
import type { ReactNode } from 'react';
import type { RegistrationSlotProps } from './registration-slots.ts';

export function RegistrationCertificate(_props: RegistrationSlotProps): ReactNode {
  return null;
}
