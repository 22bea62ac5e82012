// A part of the person's own registration page, owned by the event-evaluation feature (it replaces this first version).
import type { ReactNode } from 'react';
import type { RegistrationSlotProps } from './registration-slots.ts';

export function EvaluationLink(_props: RegistrationSlotProps): ReactNode {
  return null;
}
