// The knowledge change of one learner: pre-test and post-test percent, the raw gain in points and the normalised
// gain (the share of what there was left to learn that was learnt).
import { useTranslation } from 'react-i18next';
import type { Knowledge } from '#shared/learning/learning.schema.ts';

const pct = (n: number) => `${Math.round(n * 10) / 10} %`;

export function KnowledgeChange({ knowledge }: { knowledge: Knowledge }) {
  const { t } = useTranslation('learning');
  return (
    <section aria-labelledby="course-knowledge" className="card">
      <h2 id="course-knowledge">{t('knowledge.title')}</h2>
      <dl className="learn-knowledge">
        <dt>{t('knowledge.pre')}</dt>
        <dd>{pct(knowledge.pre ?? 0)}</dd>
        <dt>{t('knowledge.post')}</dt>
        <dd>{pct(knowledge.post ?? 0)}</dd>
        <dt>{t('knowledge.rawGain')}</dt>
        <dd>{t('knowledge.points', { count: Math.round((knowledge.rawGain ?? 0) * 10) / 10 })}</dd>
        <dt>{t('knowledge.normalisedGain')}</dt>
        <dd>{knowledge.normalisedGain === null ? t('knowledge.noRoom') : pct(knowledge.normalisedGain * 100)}</dd>
      </dl>
      <p className="hint">{t('knowledge.explain')}</p>
    </section>
  );
}
