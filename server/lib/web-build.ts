// Builds the web app with Vite when its output is missing or older than its sources, so `npm start` is one step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const OUTPUT = path.resolve('dist/web/index.html');
const SOURCES = ['web', 'shared', 'index.html', 'vite.config.ts'];

export async function ensureWebBuilt(): Promise<void> {
  if (existsSync(OUTPUT) && newestMtime(SOURCES) <= statSync(OUTPUT).mtimeMs) return;
  if (!existsSync(path.resolve('web'))) return;
  console.log('Building the web app…');
  const { build } = await import('vite');
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' });
}

function newestMtime(entries: string[]): number {
  let newest = 0;
  for (const entry of entries) {
    const full = path.resolve(entry);
    if (!existsSync(full)) continue;
    const stat = statSync(full);
    newest = Math.max(newest, stat.isDirectory() ? newestMtime(readdirSync(full).map((f) => path.join(entry, f))) : stat.mtimeMs);
  }
  return newest;
}
