// Row types of events (issue 11, migration 2026-12-07T0000-create-events). jsonb columns are written as
// JSON.stringify(...) strings and read back parsed, as elsewhere.
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './schema.ts';

type JsonOf<T> = ColumnType<T, string, string>;
type JsonDefault<T> = ColumnType<T, string | undefined, string>;

export interface EventQuestion {
  key: string;
  required: boolean;
}

export interface EventTable {
  id: Generated<string>;
  organisationId: string;
  type: string;
  status: Generated<string>;
  sourceLanguage: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: Generated<string>;
  attendanceMode: Generated<string>;
  venueName: string | null;
  venueAddress: string | null;
  venueCity: string | null;
  country: string | null;
  onlineUrl: string | null;
  capacity: number;
  seatsHeld: Generated<number>;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  requiresApproval: Generated<boolean>;
  waitlistEnabled: Generated<boolean>;
  offerHours: Generated<number>;
  maxGroupSize: Generated<number>;
  questions: JsonDefault<EventQuestion[]>;
  certificateEnabled: Generated<boolean>;
  followUpMonths: number | null;
  sequence: Generated<number>;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface EventTextTable {
  eventId: string;
  language: string;
  title: string;
  summary: Generated<string>;
  description: Generated<string>;
  sourceVersion: number | null;
  updatedBy: string | null;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface EventOrganiserTable {
  eventId: string;
  organisationId: string;
}

export interface EventSpeaker {
  name: string;
  affiliation?: string;
}

export interface EventSessionTable {
  id: Generated<string>;
  eventId: string;
  startsAt: Date;
  endsAt: Date;
  titles: JsonOf<Record<string, string>>;
  descriptions: JsonDefault<Record<string, string>>;
  room: string | null;
  speakers: JsonDefault<EventSpeaker[]>;
  position: Generated<number>;
}

export interface RegistrationGroupTable {
  id: Generated<string>;
  eventId: string;
  bookerName: string;
  bookerEmail: string;
  bookerAccountId: string | null;
  createdAt: CreatedAt;
}

export interface RegistrationTable {
  id: Generated<string>;
  eventId: string;
  accountId: string | null;
  groupId: string | null;
  fullName: string;
  email: string;
  language: string;
  answers: JsonDefault<Record<string, unknown>>;
  status: string;
  priority: Generated<number>;
  waitlistedAt: Date | null;
  manageTokenHash: string;
  checkedInAt: Date | null;
  checkedInBy: string | null;
  checkInMethod: string | null;
  cancelledAt: Date | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface RegistrationHistoryTable {
  id: Generated<string>;
  registrationId: string;
  eventId: string;
  kind: string;
  detail: JsonDefault<Record<string, unknown>>;
  actorAccountId: string | null;
  at: Timestamp;
}

export interface EventTables {
  event: EventTable;
  eventText: EventTextTable;
  eventOrganiser: EventOrganiserTable;
  eventSession: EventSessionTable;
  registrationGroup: RegistrationGroupTable;
  registration: RegistrationTable;
  registrationHistory: RegistrationHistoryTable;
}
