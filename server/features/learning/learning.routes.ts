// Learners' routes (any signed-in account): courses, marking lessons and chapters done, quiz attempts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import {
  AnswerBodySchema,
  AnswerParamsSchema,
  AttemptParamsSchema,
  AttemptViewSchema,
  ContinueSchema,
  CourseListSchema,
  CourseSlugParamsSchema,
  CourseViewSchema,
  LanguageQuerySchema,
  ModuleParamsSchema,
  QuizParamsSchema,
  SavedSchema,
} from '#shared/learning/learning.schema.ts';
import { answerQuestion, readAttempt, startAttempt, submitAttempt } from './attempt.service.ts';
import { continueCourse, listCourses, viewCourse } from './course-read.service.ts';
import { markModuleDone } from './progress.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: access.signedIn() };
  const tags = ['learning'];
  const querystring = LanguageQuerySchema;

  app.get('/api/learning/courses', { config, schema: { tags, querystring, response: { 200: CourseListSchema } } }, async (request) => listCourses(ctxOf(request, deps), request.query.lang));
  app.get('/api/learning/continue', { config, schema: { tags, querystring, response: { 200: ContinueSchema } } }, async (request) => continueCourse(ctxOf(request, deps), request.query.lang));
  app.get('/api/learning/courses/:slug', { config, schema: { tags, params: CourseSlugParamsSchema, querystring, response: { 200: CourseViewSchema } } }, async (request) =>
    viewCourse(ctxOf(request, deps), request.params.slug, request.query.lang),
  );
  app.post('/api/learning/courses/:slug/modules/:moduleKey/done', { config, schema: { tags, params: ModuleParamsSchema, querystring, response: { 200: CourseViewSchema } } }, async (request) =>
    markModuleDone(ctxOf(request, deps), request.params.slug, request.params.moduleKey, request.query.lang),
  );
  app.post('/api/learning/quizzes/:quizId/attempts', { config, schema: { tags, params: QuizParamsSchema, querystring, response: { 200: AttemptViewSchema } } }, async (request) =>
    startAttempt(ctxOf(request, deps), request.params.quizId, request.query.lang),
  );
  app.get('/api/learning/attempts/:attemptId', { config, schema: { tags, params: AttemptParamsSchema, querystring, response: { 200: AttemptViewSchema } } }, async (request) =>
    readAttempt(ctxOf(request, deps), request.params.attemptId, request.query.lang),
  );
  app.put('/api/learning/attempts/:attemptId/answers/:questionId', { config, schema: { tags, params: AnswerParamsSchema, body: AnswerBodySchema, response: { 200: SavedSchema } } }, async (request) =>
    answerQuestion(ctxOf(request, deps), request.params.attemptId, request.params.questionId, request.body.answer),
  );
  app.post('/api/learning/attempts/:attemptId/submit', { config, schema: { tags, params: AttemptParamsSchema, querystring, response: { 200: AttemptViewSchema } } }, async (request) =>
    submitAttempt(ctxOf(request, deps), request.params.attemptId, request.query.lang),
  );
}
