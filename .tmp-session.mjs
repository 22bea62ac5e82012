import { generate } from 'otplib';
import { writeFileSync } from 'node:fs';
const base = process.argv[2];
async function call(cookie, method, path, body) {
  const res = await fetch(base + path, { method, headers: { ...(cookie ? { cookie } : {}), ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const set = res.headers.getSetCookie().find((c) => c.startsWith('ph_session='));
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, cookie: set ? set.split(';')[0] : null };
}
async function session(email) {
  const s = await call(null, 'POST', '/api/auth/sign-in', { email, password: 'Demo-Sanatate-2026' });
  let cookie = s.cookie;
  const start = await call(cookie, 'POST', '/api/auth/totp/enrol/start');
  const code = await generate({ secret: start.json.secret });
  const done = await call(cookie, 'POST', '/api/auth/totp/enrol/confirm', { code });
  cookie = done.cookie ?? cookie;
  return cookie;
}
function storage(cookie, file) {
  const [name, value] = cookie.split('=');
  writeFileSync(file, JSON.stringify({ cookies: [{ name, value, domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }], origins: [] }));
}
const clinician = await session('clinician-nb@demo.pro-health.example');
const manager = await session('case-manager@demo.pro-health.example');
storage(clinician, '/tmp/ref-clinician.json');
storage(manager, '/tmp/ref-manager.json');
const services = await call(clinician, 'GET', '/api/directory/services?accepting=true&q=Punti');
const service = services.json.services.find((s) => s.onPlatform);
const consent = await call(clinician, 'POST', '/api/consents', { subjectCode: 'NO-0042', receiverServiceId: service.id, purposes: ['assistance', 'medical-care'], decision: 'given', coversIdentity: false, language: 'nb', withInterpreter: true, expiresOn: '2027-06-30' });
const pkg = { subjectCode: 'NO-0042', ageBand: '25-34', sex: 'female', languages: ['ro', 'nb'], needs: ['medical', 'mental-health'], urgency: 'routine', safeContact: 'Kun SMS etter kl. 18. Ikke ring.', note: 'Trenger oppfølging i Romania.', consentId: consent.json.id };
const r1 = await call(clinician, 'POST', '/api/referrals', { serviceId: service.id, package: pkg, send: true });
const r2 = await call(clinician, 'POST', '/api/referrals', { serviceId: service.id, package: { ...pkg, urgency: 'urgent' }, send: true });
await call(manager, 'POST', `/api/referrals/${r2.json.id}/status`, { to: 'accepted' });
const off = (await call(clinician, 'GET', '/api/directory/services?accepting=true')).json.services.find((s) => !s.onPlatform);
let r3 = null;
if (off) {
  const c2 = await call(clinician, 'POST', '/api/consents', { subjectCode: 'NO-0042', receiverServiceId: off.id, purposes: ['assistance'], decision: 'given', coversIdentity: false, language: 'nb', withInterpreter: false, expiresOn: '2027-06-30' });
  r3 = await call(clinician, 'POST', '/api/referrals', { serviceId: off.id, package: { ...pkg, consentId: c2.json.id }, send: true });
}
console.log(JSON.stringify({ consent: consent.status, r1: [r1.status, r1.json.id], r2: r2.json.id, r3: r3 && [r3.status, r3.json.id, r3.json.message] }));
