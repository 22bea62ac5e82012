import type { AddressInfo } from 'node:net';
import { createApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import { openDatabase } from '#server/db/db.ts';
const handle = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/hsds_explain', dataDir: '/tmp/x' });
const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DEMO_DATA: 'false', JOBS: 'false' });
const app = await createApp({ config, db: handle.db, engine: handle.engine, now: () => new Date(), mailer: { delivers: false, send: async () => undefined } });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
for (const url of ['/hsds/services', '/hsds/services?page=150', '/hsds/services?search=shelter%20women', '/hsds/services?postcode=100042', '/hsds/services?full=true&per_page=20']) {
  const t: number[] = [];
  for (let i = 0; i < 40; i++) { const s = performance.now(); const r = await fetch(base + url, { headers: { 'accept-encoding': 'br, gzip' } }); await r.text(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  console.log(url, 'p50', t[20]!.toFixed(1), 'p95', t[37]!.toFixed(1));
}
await app.close(); await handle.db.destroy();
