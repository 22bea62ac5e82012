// Imports the seed of the help-contact registry (content/help-contacts.json) with the library content: only contacts
// whose key is not in the database yet, so what editors changed in the desk is never overwritten.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { HelpContactCreateSchema } from '#shared/help/help-contact.schema.ts';
import { existingKeys, insertContact, knownChapters } from './help.queries.ts';

const SeedSchema = z.object({ contacts: z.array(HelpContactCreateSchema) });

export const HELP_SEED_FILE = 'help-contacts.json';

/** Adds the seed's new contacts to `organisationId`; 0 when the folder has no seed file. */
export async function importHelpContacts(ctx: Ctx, trx: Transaction<Database>, dir: string, organisationId: string): Promise<number> {
  const file = path.join(dir, HELP_SEED_FILE);
  const raw = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (raw === null) return 0;
  const seed = SeedSchema.safeParse(JSON.parse(raw));
  if (!seed.success) throw new Error(`${HELP_SEED_FILE}: ${seed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const known = await knownChapters(trx, seed.data.contacts.flatMap((c) => c.chapters));
  const existing = await existingKeys(trx, seed.data.contacts.map((c) => c.key));
  let created = 0;
  for (const { key, ...values } of seed.data.contacts) {
    if (existing.has(key)) continue;
    const unknown = values.chapters.filter((c) => !known.has(c));
    if (unknown.length > 0) throw new Error(`${HELP_SEED_FILE}: contact "${key}" names chapters the library does not have: ${unknown.join(', ')}`);
    if (await insertContact(trx, { ...values, key, organisationId, updatedBy: null, at: ctx.now })) created++;
  }
  if (created > 0) await recordAudit(ctx, trx, { action: 'help_contact.imported', entityType: 'help_contact', organisationId, details: { created } });
  return created;
}
