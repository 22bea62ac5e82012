// The aid's last screen: what to do now for this patient (danger first, then a child or an adult's choice), what to
// write and not write, the Help now numbers, services from the directory, the cards to print, and a referral.
import { useEffect, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { AidContent, AidFlag } from '#shared/identify/aid-content.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { LANGUAGES, LANGUAGE_NAMES } from '#shared/lib/languages.ts';
import { DangerNow, HelpNowContacts } from './aid-help.tsx';
import { AidReferral } from './aid-referral.tsx';
import { AidServices } from './aid-services.tsx';
import { AidBlocks, LibraryLinks } from './aid-step.tsx';
import { likelyNeeds, searchAge, type AidState } from './aid-state.ts';

interface OutcomeProps {
  content: AidContent;
  state: AidState;
  setState: Dispatch<SetStateAction<AidState>>;
  flags: ReadonlySet<AidFlag>;
  lang: LibraryLanguage;
}

export function AidOutcome({ content, state, setState, flags, lang }: OutcomeProps) {
  const step = content.steps.find((s) => s.id === 'outcome')!;
  useEffect(() => {
    if (!state.needsChosen) setState((s) => ({ ...s, needs: likelyNeeds(s, flags), needsChosen: true }));
  }, [state.needsChosen, setState, flags]);
  const age = searchAge(flags);
  return (
    <>
      <p className="aid-intro">{step.intro}</p>
      {flags.has('danger') && <DangerNow country={state.country} lang={lang} />}
      <AidBlocks step={step} state={state} setState={setState} flags={flags} />
      <Cards emphasise={flags.has('notNow')} />
      <HelpNowContacts country={state.country} lang={lang} />
      <AidServices state={state} setState={setState} age={age} lang={lang} />
      <AidReferral state={state} flags={flags} age={age} lang={lang} />
      <LibraryLinks step={step} />
    </>
  );
}

/** The discreet patient card, in the patient's language (any of the three), and the clinician's pocket card. */
function Cards({ emphasise }: { emphasise: boolean }) {
  const { t, i18n } = useTranslation('identify');
  return (
    <section aria-labelledby="aid-cards" className={emphasise ? 'aid-outcome-part aid-cards card' : 'aid-outcome-part aid-cards'}>
      <h3 id="aid-cards">{t('cards.title')}</h3>
      <p>{t('cards.patient')}</p>
      <p id="aid-patient-card">{t('cards.patientIn')}</p>
      <ul className="aid-card-links" aria-labelledby="aid-patient-card">
        {LANGUAGES.map((code) => (
          <li key={code}>
            <a href={`/api/identify/patient-card.pdf?lang=${code}`} download hrefLang={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a href={`/api/identify/pocket-card.pdf?lang=${i18n.language}`} download>
          {t('pocketCard')}
        </a>
      </p>
    </section>
  );
}
