// JSON logs with request ids; no bodies, no query strings, no cookies, no personal fields.
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '#server/config.ts';

const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.email',
  '*.token',
  '*.totpSecret',
  '*.toAddress',
];

export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    ...(config.logStream ? { stream: config.logStream } : {}),
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: {
      // NOTE: the path only; query strings and client addresses can identify people.
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
