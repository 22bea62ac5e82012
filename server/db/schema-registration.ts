// Row types of waiting-list offers (issue 11, migration 2026-12-07T0020-create-registration-offer).
import type { Generated } from 'kysely';

export interface RegistrationOfferTable {
  id: Generated<string>;
  registrationId: string;
  eventId: string;
  tokenHash: string;
  offeredAt: Date;
  expiresAt: Date;
  status: Generated<string>;
  answeredAt: Date | null;
}

export interface RegistrationTables {
  registrationOffer: RegistrationOfferTable;
}
