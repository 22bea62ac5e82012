// The identification aid's content: the shape of content/identification-aid/<lang>.json (the same steps, blocks,
// items and library links in every language; only the words differ), the flags that decide what a block shows,
// and the words that must never appear on the discreet patient card.

export const AID_STEPS = ['start', 'privacy', 'indicators', 'talking', 'danger', 'child', 'choice', 'outcome'] as const;
export type AidStepId = (typeof AID_STEPS)[number];

/**
 * What the clinician's answers add up to, computed in the browser only (aid-flags.ts). A block with `when` shows only
 * when all its flags hold. RO / NO: the country the clinician works in.
 */
export const AID_FLAGS = ['danger', 'child', 'adult', 'wantsHelp', 'notNow', 'notAlone', 'notSafeToAsk', 'interpreter', 'RO', 'NO'] as const;
export type AidFlag = (typeof AID_FLAGS)[number];

export interface AidItem {
  id: string;
  text: string;
  /** Shown only when all these flags hold (a country-specific line). */
  when?: AidFlag[];
}

/** True when every flag a block or item asks for holds. */
export function shows(item: { when?: AidFlag[] }, flags: ReadonlySet<AidFlag>): boolean {
  return (item.when ?? []).every((flag) => flags.has(flag));
}

/** A link to the library section behind a step: /library/<publication>/<chapter>#<section>. */
export interface AidLink {
  publication: 'manual' | 'guide';
  chapter: string;
  section: string;
  /** The section's title in this language. */
  label: string;
}

/**
 * question: one answer (radio buttons); checklist: tick any (checkboxes); advice: a list to read; use / avoid: phrasings
 * to say or not to say.
 */
export type AidBlockType = 'question' | 'checklist' | 'advice' | 'use' | 'avoid';

export interface AidBlock {
  id: string;
  type: AidBlockType;
  title: string;
  hint?: string;
  /** Answers (question), things to tick (checklist) or lines to read (advice, use, avoid). */
  items: AidItem[];
  when?: AidFlag[];
}

export interface AidStep {
  id: AidStepId;
  title: string;
  intro: string;
  blocks: AidBlock[];
  links: AidLink[];
  /** The step in two or three short lines, for the printed pocket card. */
  brief: string[];
}

export interface AidPatientCard {
  /** Printed on the card: neutral words only (checked against REVEALING_WORDS by the tests and the renderer). */
  title: string;
  lines: string[];
  appointment: string;
  date: string;
  time: string;
  /** Neutral names for a help contact whose registry name is revealing, by kind. */
  emergency: string;
  helpline: string;
  countries: { RO: string; NO: string };
}

export interface AidPocketCard {
  title: string;
  subtitle: string;
  footer: string;
}

export interface AidContent {
  language: 'en' | 'ro' | 'nb';
  /** The disclaimer: not a validated screening test; the decision stays with the clinician. */
  notATest: string;
  /** Nothing typed or ticked leaves the browser. */
  privacy: string;
  steps: AidStep[];
  pocketCard: AidPocketCard;
  patientCard: AidPatientCard;
}

/**
 * Words that name trafficking or exploitation, in the three languages (stems, matched case-insensitively inside
 * words): the patient card must contain none, since it may be found by the person who controls the patient.
 */
export const REVEALING_WORDS = [
  'traffick',
  'exploit',
  'slave',
  'forced',
  'trafic',
  'exploat',
  'sclav',
  'forțat',
  'fortat',
  'menneskehandel',
  'utnytt',
  'tvangs',
  'slaveri',
  'anitp',
  'rosa',
] as const;

export function revealingWordIn(text: string): string | undefined {
  const lower = text.toLowerCase();
  return REVEALING_WORDS.find((word) => lower.includes(word));
}

export function libraryPath(link: Pick<AidLink, 'publication' | 'chapter' | 'section'>): string {
  return `/library/${link.publication}/${link.chapter}#${link.section}`;
}
