// E-learning (issue 11): courses built from lessons and library chapters, their quizzes and questions, learners'
// enrolments and quiz attempts, and xAPI-shaped learning events. Courses are imported from content/courses/.
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('course')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft')) // draft | published
    .addColumn('source_language', 'text', (c) => c.notNull())
    .addColumn('pass_mark', 'integer', (c) => c.notNull()) // percent on the post-test
    .addColumn('max_attempts', 'integer') // per quiz; null = unlimited
    .addColumn('grading', 'text', (c) => c.notNull().defaultTo('highest')) // highest | last
    .addColumn('certificate_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('course_pass_mark_percent', sql`pass_mark between 0 and 100`)
    .addCheckConstraint('course_max_attempts_positive', sql`max_attempts is null or max_attempts >= 1`)
    .execute();
  await db.schema.createIndex('course_organisation_idx').on('course').column('organisation_id').execute();

  // NOTE: one row per language holding the whole translation (lessons, module titles, quiz and question texts) as
  // jsonb maps: a course translation is written, reviewed and imported as one file, so it is replaced as one unit,
  // and a page needs one read for every text in the learner's language.
  await db.schema
    .createTable('course_text')
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('course.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('texts', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('course_text_pk', ['course_id', 'language'])
    .execute();

  await db.schema
    .createTable('quiz')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('course.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull()) // pre_test | post_test | practice
    .addColumn('shuffle', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('question_keys', 'jsonb', (c) => c.notNull()) // the quiz's questions, in their written order
    .addUniqueConstraint('quiz_course_key_unique', ['course_id', 'key'])
    .execute();

  await db.schema
    .createTable('course_module')
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('course.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // lesson | chapter | quiz
    .addColumn('chapter_ref', 'text') // "<publication slug>/<chapter slug>" for chapter modules
    .addColumn('quiz_id', 'uuid', (c) => c.references('quiz.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('course_module_pk', ['course_id', 'key'])
    .execute();

  await db.schema
    .createTable('quiz_question')
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('course.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // single | multiple | true_false | matching
    .addColumn('options', 'jsonb', (c) => c.notNull()) // option keys; matching: { left: [...], right: [...] }
    .addColumn('correct', 'jsonb', (c) => c.notNull()) // never sent to a learner before the attempt is submitted
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('quiz_question_pk', ['course_id', 'key'])
    .execute();

  await db.schema
    .createTable('course_enrolment')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('course.id').onDelete('cascade'))
    .addColumn('account_id', 'uuid', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('completed_at', 'timestamptz') // every module done
    .addColumn('passed_at', 'timestamptz') // completed and the post-test graded at or above the pass mark
    .addColumn('progress', 'jsonb', (c) => c.notNull().defaultTo(sql`'{"done":[]}'::jsonb`)) // lesson/chapter keys marked done
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('course_enrolment_unique', ['course_id', 'account_id'])
    .execute();
  await db.schema.createIndex('course_enrolment_account_idx').on('course_enrolment').column('account_id').execute();

  await db.schema
    .createTable('quiz_attempt')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('quiz_id', 'uuid', (c) => c.notNull().references('quiz.id').onDelete('cascade'))
    .addColumn('enrolment_id', 'uuid', (c) => c.notNull().references('course_enrolment.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('in_progress')) // in_progress | submitted
    .addColumn('question_order', 'jsonb', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('score', 'integer')
    .addColumn('max_score', 'integer')
    .addColumn('percent', 'double precision')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('submitted_at', 'timestamptz')
    // NOTE: the attempt limit's last line of defence: two parallel starts cannot both take number n.
    .addUniqueConstraint('quiz_attempt_number_unique', ['quiz_id', 'enrolment_id', 'number'])
    .addCheckConstraint('quiz_attempt_number_positive', sql`number >= 1`)
    .execute();
  await sql`create unique index quiz_attempt_one_open on quiz_attempt (quiz_id, enrolment_id) where status = 'in_progress'`.execute(db);

  // xAPI-shaped statements (standards.md §6): actor, verb, object, result, timestamp; written with each change.
  await db.schema
    .createTable('learning_event')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('account_id', 'uuid', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('verb', 'text', (c) => c.notNull()) // answered | completed | passed | failed | attempted
    .addColumn('object_type', 'text', (c) => c.notNull()) // course | quiz | question | module
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('course.id').onDelete('cascade'))
    .addColumn('result', 'jsonb')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('learning_event_course_idx').on('learning_event').columns(['course_id', 'at']).execute();
}
