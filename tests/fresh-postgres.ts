// A PostgreSQL server for the benchmark and the crash check: DATABASE_URL, or one answering on 127.0.0.1:5432; each
// run gets a fresh database that is dropped at the end.
import { connect } from 'node:net';
import pg from 'pg';

/** The server's URL (its `postgres` database), or null when there is none. */
export async function postgresUrl(): Promise<string | null> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const answers = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: 5432 }, () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.setTimeout(1000, () => (socket.destroy(), resolve(false)));
  });
  return answers ? 'postgres://postgres@127.0.0.1:5432/postgres' : null;
}

/** Runs `run` with the URL of a new database `<prefix>_<timestamp>` on that server, dropped afterwards. */
export async function withFreshPostgres<T>(serverUrl: string, prefix: string, run: (url: string) => Promise<T>): Promise<T> {
  const name = `${prefix}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  try {
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    return await run(u.toString());
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}
