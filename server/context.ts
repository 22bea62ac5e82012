// What a use case gets: the database, who is acting, the time, a logger. No Fastify objects.
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Config } from '#server/config.ts';
import type { Db, Engine } from '#server/db/db.ts';
import type { Actor } from '#server/http/access.ts';
import type { Mailer } from '#server/lib/mailer.ts';

export interface Deps {
  config: Config;
  db: Db;
  engine: Engine;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  mailer: Mailer;
}

export interface Ctx {
  db: Db;
  actor: Actor | null;
  now: Date;
  log: FastifyBaseLogger;
  ip: string | null;
  config: Config;
}

export function ctxOf(request: FastifyRequest, deps: Deps): Ctx {
  return { db: deps.db, actor: request.actor, now: deps.now(), log: request.log, ip: request.ip ?? null, config: deps.config };
}

/** The signed-in actor of a use case; routes guarantee it through their access policy. */
export function actorOf(ctx: Ctx): Actor {
  if (!ctx.actor) throw new Error('use case called without an actor');
  return ctx.actor;
}
