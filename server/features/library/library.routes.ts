// The knowledge library feature: reading, editing and review, the editors' desk. One entry for server/app.ts.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '#server/context.ts';
import * as desk from './desk.routes.ts';
import * as editing from './editing.routes.ts';
import * as reading from './reading.routes.ts';

export function register(app: FastifyInstance, deps: Deps): void {
  reading.register(app, deps);
  editing.register(app, deps);
  desk.register(app, deps);
}
