// Organisers' routes: the organisation's courses, settings and publishing, the learners' report and its CSV.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { CourseIdParamsSchema, CourseReportSchema, CourseSettingsSchema, CourseStatusBodySchema, COURSE_MANAGER_ROLES, LanguageQuerySchema, ManagedCourseListSchema, ManagedCourseSchema } from '#shared/learning/learning.schema.ts';
import { changeCourseSettings, changeCourseStatus, courseReport, courseReportCsv, listManagedCourses } from './course-manage.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // NOTE: the roles here, the organisation in the service: another organisation's course is a 404.
  const config = { access: access.roles(...COURSE_MANAGER_ROLES) };
  const tags = ['learning'];
  const params = CourseIdParamsSchema;
  const querystring = LanguageQuerySchema;

  app.get('/api/courses/manage', { config, schema: { tags, querystring, response: { 200: ManagedCourseListSchema } } }, async (request) => listManagedCourses(ctxOf(request, deps), request.query.lang));
  app.put('/api/courses/:id/settings', { config, schema: { tags, params, querystring, body: CourseSettingsSchema, response: { 200: ManagedCourseSchema } } }, async (request) =>
    changeCourseSettings(ctxOf(request, deps), request.params.id, request.body, request.query.lang),
  );
  app.put('/api/courses/:id/status', { config, schema: { tags, params, querystring, body: CourseStatusBodySchema, response: { 200: ManagedCourseSchema } } }, async (request) =>
    changeCourseStatus(ctxOf(request, deps), request.params.id, request.body, request.query.lang),
  );
  app.get('/api/courses/:id/report', { config, schema: { tags, params, querystring, response: { 200: CourseReportSchema } } }, async (request) => courseReport(ctxOf(request, deps), request.params.id, request.query.lang));
  app.get('/api/courses/:id/report.csv', { config, schema: { tags, params, querystring, produces: ['text/csv'], response: { 200: z.string() } } }, async (request, reply) => {
    const { slug, csv } = await courseReportCsv(ctxOf(request, deps), request.params.id, request.query.lang);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${slug}-learners.csv"`).header('cache-control', 'private, no-store').send(csv);
  });
}
