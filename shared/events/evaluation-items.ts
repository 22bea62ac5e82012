// The questionnaires of an event (issue 11): the evaluation people answer after the event and the follow-up survey
// some months later (event.follow_up_months). A fixed set, so results compare across events and years; every text
// lives in web/locales/*/event-evaluation.json under items.<key> and comments.<key>.

export const EVALUATION_KINDS = ['evaluation', 'follow_up'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

/**
 * The answer scales. agreement: 1 strongly disagree … 5 strongly agree, or "na" (not applicable, left out of the
 * mean); satisfaction: 1 very dissatisfied … 5 very satisfied; practice: yes, no, not sure.
 */
export type EvaluationScale = 'agreement' | 'satisfaction' | 'practice';

export const AGREEMENT_VALUES = [1, 2, 3, 4, 5, 'na'] as const;
export const SATISFACTION_VALUES = [1, 2, 3, 4, 5] as const;
export const PRACTICE_VALUES = ['yes', 'no', 'unsure'] as const;
export type EvaluationValue = (typeof AGREEMENT_VALUES)[number] | (typeof PRACTICE_VALUES)[number];

export const SCALE_VALUES: Record<EvaluationScale, readonly EvaluationValue[]> = {
  agreement: AGREEMENT_VALUES,
  satisfaction: SATISFACTION_VALUES,
  practice: PRACTICE_VALUES,
};

// NOTE: keys are camelCase because they are stored as jsonb keys, and the database layer's CamelCasePlugin camelCases
// nested keys when it reads them back: snake_case keys would come back changed.
export interface EvaluationItem {
  key: string;
  scale: EvaluationScale;
}

/** After the event: six statements to agree with, then the overall satisfaction. */
export const EVALUATION_ITEMS = [
  { key: 'relevance', scale: 'agreement' },
  { key: 'newKnowledge', scale: 'agreement' },
  { key: 'confidenceIdentify', scale: 'agreement' },
  { key: 'confidenceRefer', scale: 'agreement' },
  { key: 'facilitation', scale: 'agreement' },
  { key: 'recommend', scale: 'agreement' },
  { key: 'overall', scale: 'satisfaction' },
] as const satisfies readonly EvaluationItem[];

export const EVALUATION_COMMENTS = ['mostUseful', 'toImprove'] as const;

/** Months later: what the training changed in practice. */
export const FOLLOW_UP_ITEMS = [
  { key: 'identifiedSince', scale: 'practice' },
  { key: 'referredSince', scale: 'practice' },
  { key: 'usedManual', scale: 'practice' },
  { key: 'procedureChanged', scale: 'practice' },
  { key: 'stillConfident', scale: 'agreement' },
] as const satisfies readonly EvaluationItem[];

export const FOLLOW_UP_COMMENTS = ['practiceChange'] as const;

export const ITEMS_OF: Record<EvaluationKind, readonly EvaluationItem[]> = { evaluation: EVALUATION_ITEMS, follow_up: FOLLOW_UP_ITEMS };
export const COMMENTS_OF: Record<EvaluationKind, readonly string[]> = { evaluation: EVALUATION_COMMENTS, follow_up: FOLLOW_UP_COMMENTS };

/** The item whose mean is "satisfaction" in reports, and the answers counted as satisfied (4 and 5). */
export const SATISFACTION_ITEM = 'overall';
export const SATISFIED_FROM = 4;

/** How long each form stays open: the evaluation from the event's end, the follow-up from its due day. */
export const EVALUATION_OPEN_DAYS = 30;
export const FOLLOW_UP_OPEN_DAYS = 45;

/** Fewer responses than this and the results show only the count: a distribution of two answers names people. */
export const MIN_RESPONSES_SHOWN = 3;

export const COMMENT_MAX = 2_000;
