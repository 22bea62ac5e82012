// "Start a referral" from the outcome: a signed-in professional ticks what to carry over (nothing by default) and the
// referral form receives it as React Router state, never in the URL. Signed out: a sign-in link that comes back here.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { AGE_BANDS, SEXES, URGENCIES, isChildBand, type AgeBand, type ReferralPrefill } from '#shared/referrals/referral-vocabulary.ts';
import { CATEGORY_LABELS } from '#shared/directory/taxonomy.ts';
import type { AidFlag } from '#shared/identify/aid-content.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { useSignedIn } from '#web/features/library/reader-language.ts';
import type { AidState } from './aid-state.ts';
import { useAidServicesFor } from './identify.api.ts';

/** Languages offered to carry over: the platform's, and those most often met in Romanian and Norwegian clinics. */
const LANGUAGE_CODES = ['ro', 'en', 'nb', 'hu', 'bg', 'uk', 'ru', 'ar', 'fr', 'es'];
const LOCALES: Record<LibraryLanguage, string> = { en: 'en-GB', ro: 'ro-RO', nb: 'nb-NO' };

export function AidReferral(props: { state: AidState; flags: ReadonlySet<AidFlag>; age: number; lang: LibraryLanguage }) {
  const { t } = useTranslation('identify');
  const signedIn = useSignedIn();
  return (
    <section aria-labelledby="aid-referral" className="aid-outcome-part">
      <h3 id="aid-referral">{t('referral.title')}</h3>
      {signedIn ? (
        <ReferralCarryOver {...props} />
      ) : (
        <p>
          <Link to="/sign-in" state={{ from: '/identify' }}>
            {t('referral.signIn')}
          </Link>
        </p>
      )}
    </section>
  );
}

function ReferralCarryOver({ state, flags, age, lang }: { state: AidState; flags: ReadonlySet<AidFlag>; age: number; lang: LibraryLanguage }) {
  const { t } = useTranslation('identify');
  const id = useId();
  const navigate = useNavigate();
  const [prefill, setPrefill] = useState<ReferralPrefill>({});
  const results = useAidServicesFor(state.needs.map((category) => ({ category, country: state.country, region: state.region || undefined, age, lang })));
  const services = [...new Map(results.flatMap((r) => r.data?.services ?? []).map((s) => [s.id, s])).values()];
  const bands = AGE_BANDS.filter((band) => band === 'unknown' || isChildBand(band) === flags.has('child'));
  const names = new Intl.DisplayNames([LOCALES[lang]], { type: 'language' });
  const set = (patch: Partial<ReferralPrefill>) => setPrefill((p) => withoutEmpty({ ...p, ...patch }));
  const toggle = (field: 'languages' | 'needs', value: string) => {
    const list = prefill[field] ?? [];
    set({ [field]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate('/referrals/new', { state: { prefill } });
  };
  return (
    <form onSubmit={submit} noValidate className="stack aid-carry">
      <p className="hint">{t('referral.hint')}</p>
      <div className="field">
        <label htmlFor={`${id}-age`}>{t('referral.ageBand')}</label>
        <select id={`${id}-age`} value={prefill.ageBand ?? ''} onChange={(e) => set({ ageBand: (e.target.value || undefined) as AgeBand | undefined })}>
          <option value="">{t('referral.notCarried')}</option>
          {bands.map((band) => (
            <option key={band} value={band}>
              {t(`referral.ageBands.${band}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-sex`}>{t('referral.sex')}</label>
        <select id={`${id}-sex`} value={prefill.sex ?? ''} onChange={(e) => set({ sex: (e.target.value || undefined) as ReferralPrefill['sex'] })}>
          <option value="">{t('referral.notCarried')}</option>
          {SEXES.map((sex) => (
            <option key={sex} value={sex}>
              {t(`referral.sexes.${sex}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field aid-choices aid-columns">
        <legend>{t('referral.languages')}</legend>
        {LANGUAGE_CODES.map((code) => (
          <label key={code} className="choice">
            <input type="checkbox" checked={prefill.languages?.includes(code) ?? false} onChange={() => toggle('languages', code)} />
            <span>{names.of(code) ?? code}</span>
          </label>
        ))}
      </fieldset>
      {state.needs.length > 0 && (
        <fieldset className="field aid-choices">
          <legend>{t('referral.needs')}</legend>
          {state.needs.map((need) => (
            <label key={need} className="choice">
              <input type="checkbox" checked={prefill.needs?.includes(need) ?? false} onChange={() => toggle('needs', need)} />
              <span>{CATEGORY_LABELS[need][lang]}</span>
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className="field aid-choices">
        <legend>{t('referral.urgency')}</legend>
        {(['', ...URGENCIES] as const).map((urgency) => (
          <label key={urgency || 'none'} className="choice">
            <input type="radio" name={`${id}-urgency`} checked={(prefill.urgency ?? '') === urgency} onChange={() => set({ urgency: urgency || undefined })} />
            <span>{urgency ? t(`referral.urgencies.${urgency}`) : t('referral.notCarried')}</span>
          </label>
        ))}
      </fieldset>
      {services.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-service`}>{t('referral.service')}</label>
          <select id={`${id}-service`} value={prefill.serviceId ?? ''} onChange={(e) => set({ serviceId: e.target.value || undefined })}>
            <option value="">{t('referral.notCarried')}</option>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name} · {service.organizationName}
              </option>
            ))}
          </select>
        </div>
      )}
      <p>
        <button type="submit">{t('referral.start')}</button>
      </p>
    </form>
  );
}

/** Drops what was un-ticked, so the form receives only what the clinician chose to carry over. */
function withoutEmpty(prefill: ReferralPrefill): ReferralPrefill {
  const entries = Object.entries(prefill).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0));
  return Object.fromEntries(entries) as ReferralPrefill;
}
