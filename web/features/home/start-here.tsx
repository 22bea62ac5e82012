// "Suspect a patient is being exploited? Start here": the identification aid, the signs, help now, referral — on every
// home page.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';

const IDENTIFICATION_AID = '/identify';
const INDICATORS_CHAPTER = '/library/manual/recognising-indicators';

/**
 * NOTE: a Norwegian reader most often meets a Romanian patient abroad, so their referral route is the guide's
 * cross-border chapter (Romanian victims abroad, return, cooperation with Romania); everyone else gets the manual's
 * chapter on referral in Romania. The home.start.referral.text strings describe each language's own target.
 */
const REFERRAL_CHAPTER: Record<LibraryLanguage, string> = {
  ro: '/library/manual/referral-romania',
  en: '/library/manual/referral-romania',
  nb: '/library/guide/referral-transnational',
};

export const HELP_NOW = '/help';

export function StartHere() {
  const { t } = useTranslation();
  const lang = useReaderLanguage();
  // NOTE: an ordered list in the order of the work (the guided aid for a patient in front of you, then recognise, act on
  // danger, refer), which is also the order a keyboard reaches them: the first Tab after the skip link lands on the aid.
  return (
    <section aria-labelledby="home-start" className="home-start">
      <h2 id="home-start">{t('home.start.heading')}</h2>
      <ol className="home-cards">
        <Step to={IDENTIFICATION_AID} title={t('home.start.aid.title')} text={t('home.start.aid.text')} featured />
        <Step to={INDICATORS_CHAPTER} title={t('home.start.indicators.title')} text={t('home.start.indicators.text')} />
        <Step to={HELP_NOW} title={t('home.start.helpNow.title')} text={t('home.start.helpNow.text')} urgent />
        <Step to={REFERRAL_CHAPTER[lang]} title={t('home.start.referral.title')} text={t('home.start.referral.text')} />
      </ol>
    </section>
  );
}

/** urgent: Help now, framed in red; featured: the identification aid, across the whole row above the others. */
function Step({ to, title, text, urgent = false, featured = false }: { to: string; title: string; text: string; urgent?: boolean; featured?: boolean }) {
  const className = ['card', 'home-card', urgent && 'home-urgent', featured && 'home-featured'].filter(Boolean).join(' ');
  return (
    <li className={className}>
      <h3>
        <Link to={to}>{title}</Link>
      </h3>
      <p>{text}</p>
    </li>
  );
}
