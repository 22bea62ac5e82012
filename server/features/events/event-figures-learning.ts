// The one figure of the events report that comes from e-learning: the pre/post knowledge change of course learners.
// NOTE: an adapter, so event-figures.ts names the interface it calls. The learning part exposes
// courseKnowledgeChange(db, filter) in server/features/learning/learning-figures.ts; until that lands on this branch,
// this answers null ("no data") and the report says so.
import type { Db } from '#server/db/db.ts';

export interface KnowledgeChangeFilter {
  organisationId?: string;
  from?: Date;
  to?: Date;
}

/** Means over learners who took both the pre-test and the post-test (scores 0–100). */
export interface KnowledgeChange {
  learners: number;
  meanPre: number;
  meanPost: number;
  /** Post minus pre, in points. */
  meanGain: number;
  /** Hake's normalised gain (post − pre) / (100 − pre); null when every learner started at 100. */
  meanNormalisedGain: number | null;
}

export async function knowledgeChange(_db: Db, _filter: KnowledgeChangeFilter): Promise<KnowledgeChange | null> {
  return null;
}
