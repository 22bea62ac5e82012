// The identification aid's printable cards: made from the aid's content and the published Help now contacts, in a
// worker thread (never on the event loop), and kept in memory until a contact changes.
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { helpContactsForPdf } from '#server/features/help/help-pdf.ts';
import { PoolBusyError, isInputFailure, shortTasks } from '#server/lib/worker-pool.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { aidContent } from './aid-content.ts';
import type { CardInput, renderPatientCard, renderPocketCard } from './card-pdf.ts';

type Card = 'pocket' | 'patient';

const RENDERERS: Record<Card, 'renderPocketCard' | 'renderPatientCard'> = { pocket: 'renderPocketCard', patient: 'renderPatientCard' };
/** NOTE: neutral file names: the patient's file may be seen on a shared phone or printer queue. */
const FILE_NAMES: Record<Card, (lang: LibraryLanguage) => string> = { pocket: (lang) => `pocket-card-${lang}.pdf`, patient: (lang) => `contacts-${lang}.pdf` };
const CARD_PDF = new URL('./card-pdf.ts', import.meta.url);
/** Bump when a card's layout changes. */
const LAYOUT_VERSION = 1;

const made = new Map<string, Buffer>();

export interface CardPdf {
  filename: string;
  bytes: Buffer;
}

/** One card in one language, made again only when a published help contact changed since. */
export async function getCardPdf(ctx: Ctx, card: Card, lang: LibraryLanguage): Promise<CardPdf> {
  const help = await helpContactsForPdf(ctx.db, lang);
  const key = `${LAYOUT_VERSION}:${card}:${lang}:${help.fingerprint}`;
  let bytes = made.get(key);
  if (!bytes) {
    const content = aidContent(lang);
    const input: CardInput = { content: { language: content.language, notATest: content.notATest, steps: content.steps, pocketCard: content.pocketCard, patientCard: content.patientCard }, contacts: help.contacts, site: ctx.config.publicUrl };
    bytes = await renderInWorker(card, input);
    for (const old of made.keys()) if (old.startsWith(`${LAYOUT_VERSION}:${card}:${lang}:`)) made.delete(old);
    made.set(key, bytes);
  }
  return { filename: FILE_NAMES[card](lang), bytes };
}

async function renderInWorker(card: Card, input: CardInput): Promise<Buffer> {
  try {
    // NOTE: a card takes some 100 ms, but a fresh thread first loads pdfkit and the fonts: a longer limit than the default.
    const result = await shortTasks.call<typeof renderPocketCard | typeof renderPatientCard>(CARD_PDF, RENDERERS[card], [input], { timeoutMs: 10_000 });
    return Buffer.from(result);
  } catch (error) {
    if (error instanceof PoolBusyError || isInputFailure(error)) throw new AppError('unavailable', 'The card cannot be made right now. Try again later.');
    throw error;
  }
}
