// Builds the real app on a per-file test database, with a settable clock and a mailer that records what it sends.
import type { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { createApp } from '#server/app.ts';
import { loadConfig, type Config } from '#server/config.ts';
import type { Deps } from '#server/context.ts';
import type { OutgoingEmail } from '#server/lib/mailer.ts';
import { createTestDb } from './test-db.ts';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  /** The embedded database when the engine is PGlite (a test can dump its data directory). */
  pglite: PGlite | undefined;
  /** Emails handed to the SMTP transport (empty unless a test enables delivery). */
  sent: OutgoingEmail[];
  /** Moves the clock; starts at the real time. */
  setNow(date: Date): void;
  /** Turns SMTP delivery on or off: on, the send_email job hands emails to `sent` instead of leaving them not_sent. */
  setDelivers(on: boolean): void;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const handle = await createTestDb();
  let now: Date | null = null;
  let delivers = false;
  const sent: OutgoingEmail[] = [];
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false', JOBS: 'false' }), ...overrides };
  const deps: Deps = {
    config,
    db: handle.db,
    engine: handle.engine,
    now: () => now ?? new Date(),
    mailer: {
      get delivers() {
        return delivers;
      },
      send: async (email) => void sent.push(email),
    },
  };
  const app = await createApp(deps);
  await app.ready();
  return {
    app,
    deps,
    pglite: handle.pglite,
    sent,
    setNow: (date) => void (now = date),
    setDelivers: (on) => void (delivers = on),
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}
