// What runs beside the HTTP server: demo data on first start, and the background job worker.
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '#server/context.ts';

export interface Background {
  stop(): Promise<void>;
}

/** Seeds demo data into an empty database (never in production) and returns the text listing demo sign-ins. */
export async function announceDemo(deps: Deps): Promise<string | null> {
  if (!deps.config.demoData) return null;
  return null;
}

export function startBackground(_deps: Deps, _log: FastifyBaseLogger): Background {
  return { stop: async () => undefined };
}
