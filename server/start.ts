// Entry point of `npm start`: turns on Node's compile cache before the app's modules load, so later starts skip
// recompiling them (about a third of a cold start is module loading), then runs server/main.ts.
import module from 'node:module';
import path from 'node:path';

module.enableCompileCache?.(path.resolve('node_modules/.cache/pro-health-compile'));
await import('./main.ts');
