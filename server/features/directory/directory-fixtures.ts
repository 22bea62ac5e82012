// Test fixtures for the directory: the demo directory seeded into fresh organisations, and what it should answer.
import type { DemoOrganisationKey } from '#server/features/demo/demo-data.ts';
import { operatorCtx } from '#server/features/organisations/operator.service.ts';
import { createOrganisation } from '#tests/factories.ts';
import type { TestApp } from '#tests/test-app.ts';
import { DEMO_DIRECTORY, seedDemoDirectory } from './directory-demo.ts';
import type { DemoService } from './directory-demo-listings.ts';

export const DEMO_KEYS: DemoOrganisationKey[] = ['association', 'podulVerde', 'ancora', 'aurora', 'fyrlykta', 'agency', 'hospitalOlt', 'hospitalMures'];

/** Seeds the demo directory against new organisations; returns their ids by demo key. */
export async function seedDirectory(t: TestApp): Promise<Record<DemoOrganisationKey, string>> {
  const ids = {} as Record<DemoOrganisationKey, string>;
  for (const key of DEMO_KEYS) ids[key] = (await createOrganisation(t.deps.db, { country: key === 'fyrlykta' ? 'NO' : 'RO' })).id;
  const ctx = operatorCtx({ db: t.deps.db, config: t.deps.config, now: t.deps.now });
  await t.deps.db.transaction().execute((trx) => seedDemoDirectory(ctx, trx, ids));
  return ids;
}

export interface DemoEntry extends DemoService {
  country: string;
  organizationName: string;
  confidential: boolean;
}

/** Every approved demo service with its organisation's facts: the oracle for the search tests. */
export const APPROVED: DemoEntry[] = DEMO_DIRECTORY.flatMap((l) =>
  l.services.filter((s) => !s.pending).map((s) => ({ ...s, country: l.country, organizationName: l.name, confidential: s.at.some((i) => l.places[i]?.confidential) })),
);

/** Every address, postal code and coordinate of a confidential demo place: none may ever leave the server. */
export const CONFIDENTIAL_SECRETS: string[] = DEMO_DIRECTORY.flatMap((l) =>
  l.places.filter((p) => p.confidential).flatMap((p) => [p.address1, p.postalCode, p.latitude?.toString(), p.longitude?.toString()].filter((v): v is string => Boolean(v))),
);
