// /registration/evaluation#<token>: the questionnaires of one registration, reached from the registration page or
// an e-mailed invitation. The token is read from the fragment (never sent in a URL) and posted in request bodies.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { EvaluationForm as FormInfo } from '#shared/events/evaluation.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { apiError, focusSoon } from '#web/components/ui/form.tsx';
import { isLanguage } from '#web/lib/i18n.ts';
import { useEvaluationForm } from './evaluation.api.ts';
import { EvaluationForm } from './evaluation-form.tsx';

/** The token from "#<token>" (or "#token=<token>", the form other e-mails use). */
export function tokenOfFragment(hash: string): string {
  return decodeURIComponent(hash.replace(/^#/, '').replace(/^token=/, ''));
}

export function EvaluationPage() {
  const { t, i18n } = useTranslation('event-evaluation');
  const token = tokenOfFragment(useLocation().hash);
  const form = useEvaluationForm(token, isLanguage(i18n.language) ? i18n.language : 'en');
  return (
    <Page title={t('form.title')}>
      {!token && <Banner tone="warning">{t('form.noLink')}</Banner>}
      {token && form.isPending && <Loading />}
      {form.isError && <Banner tone="error">{apiError(form.error)?.status === 404 ? t('form.invalidLink') : t('form.errors.generic')}</Banner>}
      {form.data && <Surveys token={token} info={form.data} />}
    </Page>
  );
}

function Surveys({ token, info }: { token: string; info: FormInfo }) {
  const { t, i18n } = useTranslation('event-evaluation');
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' });
  // NOTE: the last day it is open, not the instant it closes (midnight would read as the day after).
  const lastDay = (closesAt: Date) => day.format(new Date(closesAt.getTime() - 1));
  const open = info.surveys.find((s) => s.state === 'open');
  const [sent, setSent] = useState(false);
  const sentRef = useRef<HTMLDivElement>(null);
  const onSent = () => {
    setSent(true);
    focusSoon(sentRef);
  };
  return (
    <div className="stack evaluation-surveys">
      <p>
        {t('form.event')} <span lang={info.titleLanguage}>{info.title}</span>
      </p>
      {sent && (
        <Banner tone="success" role="status" tabIndex={-1} ref={sentRef}>
          <p>{t('form.sent')}</p>
        </Banner>
      )}
      {info.surveys
        .filter((s) => s !== open && s.state !== 'not_open_yet' && !(sent && s.state === 'answered'))
        .map((s) => (
          <Banner key={s.kind} tone={s.state === 'answered' ? 'success' : 'info'} title={t(`kinds.${s.kind}`)} role="status">
            <p>{t(`form.states.${s.state}`, { date: s.state === 'closed' ? lastDay(s.closesAt) : day.format(s.opensAt) })}</p>
          </Banner>
        ))}
      {!open && info.surveys.some((s) => s.state === 'not_open_yet') && (
        <Banner title={t(`kinds.${info.surveys.find((s) => s.state === 'not_open_yet')!.kind}`)}>
          <p>{t('form.states.not_open_yet', { date: day.format(info.surveys.find((s) => s.state === 'not_open_yet')!.opensAt) })}</p>
        </Banner>
      )}
      {open && (
        <section aria-labelledby="evaluation-open-heading" className="stack evaluation-section">
          <h2 id="evaluation-open-heading">{t(`kinds.${open.kind}`)}</h2>
          <p className="hint">{t('form.openUntil', { date: lastDay(open.closesAt) })}</p>
          <EvaluationForm key={open.kind} token={token} kind={open.kind} onSent={onSent} />
        </section>
      )}
    </div>
  );
}
