// Seeds the anonymous evaluations of the demo events (after the registrations part has checked people in): the 2015
// training (18 answers, and 9 follow-up answers six months on), the 2015 roundtable (12) and the 2016 conference (35),
// with varied answers from a fixed seed and a handful of short comments in the participants' languages. The same rows
// the evaluation service writes: an answered marker per registration, and the answers with no link to it. Skips
// quietly when the events or their checked-in registrations are not there (each part's branch on its own).
import type { Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import type { EvaluationKind } from '#shared/events/evaluation-items.ts';
import { DEMO_EVENT_IDS } from './demo-event-ids.ts';

type Trx = Transaction<Database>;
type Comments = Record<string, Record<'ro' | 'en' | 'nb', string[]>>;

const COMMENTS: Comments = {
  mostUseful: {
    ro: ['Studiile de caz din spital, foarte aproape de ce vedem la urgențe.', 'Lista de indicatori și cum întrebi fără să sperii pacientul.', 'Numerele de contact pentru îndrumare, pe județe.'],
    en: ['Hearing how the Norwegian partners organise referral between hospital and shelter.'],
    nb: ['Gjennomgangen av hvordan man snakker med pasienten alene, uten ledsager.', 'Å møte rumenske kolleger og høre hvordan de jobber.'],
  },
  toImprove: {
    ro: ['Mai mult timp pentru exerciții practice.', 'Sala era prea mică pentru atâția participanți.'],
    en: ['The afternoon sessions ran late; shorter breaks would help.'],
    nb: ['Tolkingen kunne vært bedre i gruppearbeidet.'],
  },
  practiceChange: {
    ro: ['Am introdus în secție o fișă scurtă cu indicatorii și numărul de contact.', 'Am îndrumat o pacientă către centrul de asistență, cu acordul ei.'],
    en: [],
    nb: ['Vi har laget en rutine for å snakke med pasienten alene på legevakten.'],
  },
};

/** A small fixed-seed generator, so the demo looks the same on every start. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Mostly agree, some neutral, a few disagree: what training evaluations usually look like. */
function likert(random: () => number): number {
  const r = random();
  return r < 0.45 ? 5 : r < 0.8 ? 4 : r < 0.93 ? 3 : 2;
}

function evaluationAnswers(random: () => number, withNa: boolean) {
  return {
    relevance: likert(random),
    newKnowledge: likert(random),
    confidenceIdentify: likert(random),
    confidenceRefer: withNa && random() < 0.3 ? 'na' : likert(random),
    facilitation: likert(random),
    recommend: likert(random),
    overall: likert(random),
  };
}

function followUpAnswers(random: () => number) {
  const practice = (yes: number) => (random() < yes ? 'yes' : random() < 0.7 ? 'no' : 'unsure');
  return { identifiedSince: practice(0.35), referredSince: practice(0.25), usedManual: practice(0.7), procedureChanged: practice(0.3), stillConfident: likert(random) };
}

function commentsFor(kind: EvaluationKind, language: string, index: number): Record<string, string> {
  const keys = kind === 'evaluation' ? ['mostUseful', 'toImprove'] : ['practiceChange'];
  const lang = language === 'ro' || language === 'nb' ? language : 'en';
  const out: Record<string, string> = {};
  for (const [k, key] of keys.entries()) {
    const list = COMMENTS[key]![lang];
    // NOTE: every third person writes something, to one question; each comment is written once.
    const pick = list[Math.floor(index / 3)];
    if (index % 3 === k && pick) out[key] = pick;
  }
  return out;
}

/** Answers for `count` checked-in registrations of one event (fewer if fewer came); 0 when the event is not there. */
export async function seedEventEvaluations(trx: Trx, eventId: string, plan: { kind: EvaluationKind; count: number; seed: number; withNa?: boolean }): Promise<number> {
  const event = await trx.selectFrom('event').select(['endsAt', 'followUpMonths']).where('id', '=', eventId).executeTakeFirst();
  if (!event) return 0;
  const people = await trx
    .selectFrom('registration')
    .select(['id', 'language'])
    .where('eventId', '=', eventId)
    .where('checkedInAt', 'is not', null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('eventEvaluationAnswered as a').select('a.kind').whereRef('a.registrationId', '=', 'registration.id').where('a.kind', '=', plan.kind))))
    .orderBy('id')
    .limit(plan.count)
    .execute();
  const random = generator(plan.seed);
  const months = plan.kind === 'follow_up' ? (event.followUpMonths ?? 6) : 0;
  for (const [index, person] of people.entries()) {
    const day = new Date(event.endsAt.getTime() + (index % 9) * 24 * 3600 * 1000);
    day.setUTCMonth(day.getUTCMonth() + months);
    const answers = plan.kind === 'evaluation' ? evaluationAnswers(random, plan.withNa ?? false) : followUpAnswers(random);
    await trx.insertInto('eventEvaluationAnswered').values({ registrationId: person.id, kind: plan.kind }).execute();
    await trx
      .insertInto('eventEvaluationResponse')
      .values({ eventId, kind: plan.kind, language: person.language, answers: JSON.stringify(answers), comments: JSON.stringify(commentsFor(plan.kind, person.language, index)), submittedOn: day.toISOString().slice(0, 10) })
      .execute();
  }
  return people.length;
}

/** The demo events' evaluations, in the demo seed's transaction. */
export async function seedDemoEvaluations(_ctx: Ctx, trx: Trx): Promise<void> {
  await seedEventEvaluations(trx, DEMO_EVENT_IDS.training2015, { kind: 'evaluation', count: 18, seed: 2015 });
  await seedEventEvaluations(trx, DEMO_EVENT_IDS.roundtable2015, { kind: 'evaluation', count: 12, seed: 1510, withNa: true });
  await seedEventEvaluations(trx, DEMO_EVENT_IDS.conference2016, { kind: 'evaluation', count: 35, seed: 2016, withNa: true });
  // NOTE: the training asked for a follow-up survey six months on; the results page shows it only for an event with
  // follow_up_months, so it is set here when the events part left it empty.
  await trx.updateTable('event').set({ followUpMonths: 6 }).where('id', '=', DEMO_EVENT_IDS.training2015).where('followUpMonths', 'is', null).execute();
  await seedEventEvaluations(trx, DEMO_EVENT_IDS.training2015, { kind: 'follow_up', count: 9, seed: 2016_04 });
}
