// Demo data lookups: Kysely only.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';

export async function countOrganisations(db: Db): Promise<number> {
  const row = await db.selectFrom('organisation').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

export async function findDemoAccountEmails(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('account').select('email').where('isDemo', '=', true).execute();
  return rows.map((r) => r.email);
}

/** The demo accounts with these e-mails, each with its organisation and roles (one membership per demo account). */
export async function findDemoLearners(db: Db, emails: string[]) {
  if (emails.length === 0) return [];
  return db
    .selectFrom('account')
    .leftJoin('membership', 'membership.accountId', 'account.id')
    .select(['account.id', 'account.email', 'account.displayName', 'account.language', 'membership.organisationId', 'membership.roles'])
    .where('account.isDemo', '=', true)
    .where('account.email', 'in', emails)
    .execute();
}

/** The questions of the published course with this slug, with their right answers (the demo learners answer by them). */
export async function courseQuestions(db: Db, slug: string) {
  return db
    .selectFrom('quizQuestion')
    .innerJoin('course', 'course.id', 'quizQuestion.courseId')
    .select(['quizQuestion.key', 'quizQuestion.kind', 'quizQuestion.options', 'quizQuestion.correct', 'quizQuestion.points'])
    .where('course.slug', '=', slug)
    .where('course.status', '=', 'published')
    .execute();
}
