// The one figure of the events report that comes from e-learning: the pre/post knowledge change of course learners.
// NOTE: an adapter, so event-figures.ts names the interface it calls: over every course of the organisation, from the
// learning part's courseKnowledgeChange (server/features/learning/learning-figures.ts); null when nobody took both tests.
import type { Db } from '#server/db/db.ts';
import { courseKnowledgeChange } from '#server/features/learning/learning-figures.ts';

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

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

export async function knowledgeChange(db: Db, filter: KnowledgeChangeFilter): Promise<KnowledgeChange | null> {
  const rows = (await courseKnowledgeChange(db, filter)).flatMap((c) => c.rows);
  if (rows.length === 0) return null;
  const normalised = rows.flatMap((r) => (r.normalisedGain === null ? [] : [r.normalisedGain]));
  return {
    learners: rows.length,
    meanPre: mean(rows.map((r) => r.pre)),
    meanPost: mean(rows.map((r) => r.post)),
    meanGain: mean(rows.map((r) => r.rawGain)),
    meanNormalisedGain: normalised.length ? mean(normalised) : null,
  };
}
