// Command line: import a course from its folder (content/courses/<slug>), or every course folder.
import path from 'node:path';
import type { CliCommand } from '#server/cli.ts';
import { AppError } from '#server/errors.ts';
import { operatorCtx } from '#server/features/organisations/operator.service.ts';
import { importCourse } from './course-import.ts';

const importCourseCommand: CliCommand = {
  summary: 'import or update one course from its folder: import-course <dir> (course.json, en.json, ro.json, nb.json)',
  options: { dir: 'the course folder (or give it as the first argument)', organisation: 'owner organisation id (default: the owner of the library publication it uses)' },
  positionals: '[dir]',
  async run({ options, positionals, config, open }) {
    const dir = options.dir ?? positionals?.[0];
    if (!dir) {
      console.error('usage: npm run cli -- import-course <dir>');
      return 2;
    }
    const handle = await open();
    try {
      const saved = await importCourse(operatorCtx({ db: handle.db, config }), path.resolve(dir), options.organisation);
      console.log(`course ${saved.slug} ${saved.created ? 'created' : 'updated'} (${saved.id})`);
      return 0;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      console.error(error.message);
      for (const [at, problem] of Object.entries(error.fields ?? {})) console.error(`  ${at}: ${problem}`);
      return 1;
    } finally {
      await handle.close();
    }
  },
};

export const LEARNING_COMMANDS: Record<string, CliCommand> = { 'import-course': importCourseCommand };
