// Runs PostgreSQL's own client tools (pg_dump, pg_restore) for backups of a server database.
import { spawn } from 'node:child_process';

/** The URL without its password (which goes in PGPASSWORD, so it never shows in the process list). */
export function connectionEnv(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(databaseUrl);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

/** Runs a client tool to completion; rejects with its last stderr lines (never the URL with a password). */
export function runTool(command: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      const missing = error.code === 'ENOENT';
      reject(new Error(missing ? `${command} was not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client)` : error.message));
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} exited with code ${code}:\n${stderr.trim()}`));
    });
  });
}
