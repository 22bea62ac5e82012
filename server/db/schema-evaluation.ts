// Row types of event evaluations (issue 11, migration 2026-12-07T0040-create-event-evaluations).
import type { ColumnType, Generated } from 'kysely';

type JsonDefault<T> = ColumnType<T, string | undefined, string>;

/** One anonymous answer set: no registration id, only the day it came in. */
export interface EventEvaluationResponseTable {
  id: Generated<string>;
  eventId: string;
  kind: string;
  language: string;
  answers: JsonDefault<Record<string, number | string>>;
  comments: JsonDefault<Record<string, string>>;
  /** A calendar day: written as 'YYYY-MM-DD'. */
  submittedOn: ColumnType<Date, string, string>;
}

export interface EventEvaluationAnsweredTable {
  registrationId: string;
  kind: string;
}

export interface EventEvaluationInvitationTable {
  registrationId: string;
  kind: string;
  tokenHash: string;
  sentAt: Date;
}

export interface EvaluationTables {
  eventEvaluationResponse: EventEvaluationResponseTable;
  eventEvaluationAnswered: EventEvaluationAnsweredTable;
  eventEvaluationInvitation: EventEvaluationInvitationTable;
}
