// Liveness and readiness for load balancers and orchestrators.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Deps } from '#server/context.ts';
import { pendingMigrations } from '#server/db/migrate.ts';
import { access } from '#server/http/access.ts';

const Ready = z.object({ status: z.enum(['ready', 'not_ready']), database: z.enum(['ok', 'unreachable', 'migrations_pending']) });

export function register(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/healthz',
    { config: { access: access.public() }, schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    { config: { access: access.public() }, schema: { hide: true, response: { 200: Ready, 503: Ready } } },
    async (_request, reply) => {
      const database = await databaseState(deps);
      const ok = database === 'ok';
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not_ready', database });
    },
  );
}

async function databaseState(deps: Deps): Promise<'ok' | 'unreachable' | 'migrations_pending'> {
  try {
    await withTimeout(sql`select 1`.execute(deps.db), 2000);
  } catch {
    return 'unreachable';
  }
  const pending = await pendingMigrations(deps.db).catch(() => ['?']);
  return pending.length === 0 ? 'ok' : 'migrations_pending';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
