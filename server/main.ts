// Starts the platform: config → database → migrations → demo data → web build → app → listen; closes gracefully.
import { createApp } from '#server/app.ts';
import { ConfigError, loadConfig } from '#server/config.ts';
import type { Deps } from '#server/context.ts';
import { openDatabase } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { createMailer } from '#server/lib/mailer.ts';
import { ensureWebBuilt } from '#server/lib/web-build.ts';
import { startBackground, announceDemo } from '#server/startup.ts';

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const handle = await openDatabase(config);
  await migrateToLatest(handle.db);
  const deps: Deps = { config, db: handle.db, engine: handle.engine, now: () => new Date(), mailer: createMailer(config.smtpUrl, config.mailFrom) };
  const demo = await announceDemo(deps);
  await ensureWebBuilt();
  const app = await createApp(deps);
  const background = startBackground(deps, app.log);
  await app.listen({ port: config.port, host: config.host });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\nPro Health is running on ${config.publicUrl} (${handle.engine}, ready in ${seconds} s)`);
  if (demo) console.log(demo);
  const close = async (signal: string): Promise<void> => {
    app.log.info({ signal }, 'shutting down');
    await background.stop();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Pro Health could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
