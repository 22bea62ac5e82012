// Confidential places (shelters, safe houses) never give away where they are: no address, postal code or coordinates
// in any public directory route (every one found in the route list, so a new route is checked the day it is added),
// nor on the desk or review list of anyone outside the organisation that lives there.
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createOrganisation } from '#tests/factories.ts';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { person, type Person } from '#server/features/library/library.fixtures.ts';
import type { DeskLocation, DeskOrganization, DeskService } from '#shared/directory/directory-desk.schema.ts';
import { CONFIDENTIAL_SECRETS, seedDirectory } from './directory-fixtures.ts';

let t: TestApp;
let owner: Person;
let stranger: Person;
let reviewer: Person;
let pendingId: string;
const SECRET = { address1: 'Strada Ascunsă 77', postalCode: '777123', latitude: 44.987654, longitude: 25.123987 };
const SECRETS = [...CONFIDENTIAL_SECRETS, SECRET.address1, SECRET.postalCode, String(SECRET.latitude), String(SECRET.longitude), 'Adresă confidențială', 'Hemmelig adresse'];

beforeAll(async () => {
  t = await createTestApp();
  await seedDirectory(t);
  const org = (await createOrganisation(t.deps.db)).id;
  owner = await person(t, org, ['org_admin']);
  stranger = await person(t, (await createOrganisation(t.deps.db)).id, ['coordinator', 'org_admin']);
  reviewer = await person(t, (await createOrganisation(t.deps.db)).id, [], { isPlatformAdmin: true });
  const send = (url: string, payload: object, who = owner) => t.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload });
  const listing = (await send('/api/directory/desk/organizations', { name: 'Casa Ascunsă', alternateName: null, descriptions: {}, email: null, website: null, phone: null, country: 'RO', offPlatform: false })).json<DeskOrganization>();
  const place = (await send(`/api/directory/desk/organizations/${listing.id}/locations`, { name: 'Casa', locationType: 'physical', isConfidential: true, city: 'Ploiești', region: 'RO-PH', country: 'RO', ...SECRET })).json<DeskLocation>();
  const service = {
    name: 'Adăpost ascuns', summaries: { ro: 'Adăpost sigur' }, status: 'active', categories: ['shelter'], languages: ['ro'], serviceAreas: ['RO-PH'], minimumAge: null, maximumAge: null, sexes: [],
    requiredDocuments: [], isFree: true, feesDescription: null, schedules: [], phone: '+40 21 000 7777', email: null, url: null, locationIds: [place.id],
  };
  const approved = (await send(`/api/directory/desk/organizations/${listing.id}/services`, service)).json<DeskService>();
  await send(`/api/directory/review/${approved.id}`, { decision: 'approved', note: null, version: 1 }, reviewer);
  pendingId = (await send(`/api/directory/desk/organizations/${listing.id}/services`, { ...service, name: 'Adăpost ascuns 2' })).json<DeskService>().id;
});
afterAll(() => t?.close());

// NOTE: a secret counts only as a whole token: a four-digit postcode such as 0151 can also be a segment of a random
// uuid or part of a timestamp, which gives nothing away (and made this test fail by chance).
const asToken = (s: string) => new RegExp(`(?<![0-9A-Za-z-])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9A-Za-z-])`);
const leaks = (body: string) => SECRETS.filter((s) => asToken(s).test(body));

test('the owner sees its own confidential address on its desk (so it can keep it), and it is stored', async () => {
  const body = (await t.app.inject({ method: 'GET', url: '/api/directory/desk', headers: { cookie: owner.cookie } })).body;
  expect(body).toContain(SECRET.address1);
});

test('no public directory route gives away a confidential place, in any language or page', async () => {
  const services = await t.deps.db.selectFrom('directoryService').select('id').execute();
  const routes = t.app.routeList.filter(
    (r: RouteOptions) => [r.method].flat().includes('GET') && r.config?.access?.kind === 'public' && /^\/(api\/directory|hsds)(\/|$)/.test(r.url),
  );
  expect(routes.length).toBeGreaterThanOrEqual(3);
  let answers = 0;
  for (const route of routes) {
    const urls = route.url.includes(':') ? services.map((s) => route.url.replace(/:[a-zA-Z_]+/, s.id)) : [route.url];
    for (const url of urls) {
      for (const query of ['', '?lang=ro', '?lang=nb', '?page=2', '?q=adapost', '?q=ascuns', '?category=shelter', '?region=RO-PH', '?full=true']) {
        const res = await t.app.inject({ method: 'GET', url: `${url}${query}` });
        if (res.statusCode !== 200) continue;
        answers++;
        expect(leaks(res.body), `${url}${query}`).toEqual([]);
      }
    }
  }
  expect(answers).toBeGreaterThan(50);
});

test('the confidential service is found, marked confidential, with its area and front-gate phone only', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/directory/services?q=ascuns' });
  expect(res.json()).toMatchObject({ services: [{ name: 'Adăpost ascuns', confidential: true, city: null, serviceAreas: ['RO-PH'], phone: '+40 21 000 7777' }] });
});

test('people outside the organisation see no confidential address on the desk or the review list', async () => {
  for (const who of [stranger, reviewer]) {
    for (const url of ['/api/directory/desk', '/api/directory/review']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
      expect(res.statusCode).toBe(200);
      expect(leaks(res.body), url).toEqual([]);
    }
  }
  const review = await t.app.inject({ method: 'GET', url: '/api/directory/review', headers: { cookie: stranger.cookie } });
  expect(review.body).toContain(pendingId);
});
