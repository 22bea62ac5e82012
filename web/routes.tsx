// Every page of the app, in one list. Features add their routes here.
import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppShell } from '#web/components/app-shell.tsx';
import { HomePage, NotFoundPage } from '#web/features/home/home-page.tsx';
import { libraryRoutes } from '#web/features/library/library.routes.tsx';
import { RequireSignIn, SignInStepGuard } from '#web/features/auth/sign-in-guard.tsx';
import { loadAllNamespaces } from '#web/lib/i18n.ts';

/**
 * A page whose code loads on its first visit, with every namespace of the strings. NOTE: everything but the shell,
 * home and the library reader is lazy, so the reader route ships little JavaScript (budget 150 KB gzip, decision 010)
 * and the offline worker has little to cache.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return async () => {
    const [module] = await Promise.all([load(), loadAllNamespaces()]);
    return { Component: module[name] };
  };
}

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { path: 'sign-in', lazy: page(() => import('#web/features/auth/sign-in-page.tsx'), 'SignInPage') },
      { path: 'sign-in/enrol', lazy: page(() => import('#web/features/auth/enrol-page.tsx'), 'EnrolPage') },
      { path: 'forgot-password', lazy: page(() => import('#web/features/auth/forgot-password-page.tsx'), 'ForgotPasswordPage') },
      { path: 'reset-password', lazy: page(() => import('#web/features/auth/reset-password-page.tsx'), 'ResetPasswordPage') },
      {
        // Public pages: open to everyone, but a half-signed-in account is sent to its pending sign-in step first.
        element: <SignInStepGuard />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'request-access', lazy: page(() => import('#web/features/access-requests/request-access-page.tsx'), 'RequestAccessPage') },
          { path: 'help', lazy: page(() => import('#web/features/help/help-page.tsx'), 'HelpPage') },
          { path: 'identify', lazy: page(() => import('#web/features/identify/identify-page.tsx'), 'IdentifyPage') },
          { path: 'invitation', lazy: page(() => import('#web/features/organisations/invitation-page.tsx'), 'InvitationPage') },
          ...libraryRoutes,
          { path: 'directory', lazy: page(() => import('#web/features/directory/directory-page.tsx'), 'DirectoryPage') },
          { path: 'directory/counties', lazy: page(() => import('#web/features/directory/directory-counties-page.tsx'), 'DirectoryCountiesPage') },
          { path: 'registration/evaluation', lazy: page(() => import('#web/features/events/evaluation-page.tsx'), 'EvaluationPage') },
          { path: 'directory/services/:id', lazy: page(() => import('#web/features/directory/directory-service-page.tsx'), 'DirectoryServicePage') },
          { path: 'verify/:code', lazy: page(() => import('#web/features/certificates/verify-page.tsx'), 'VerifyPage') },
          { path: 'events', lazy: page(() => import('#web/features/events/events-page.tsx'), 'EventsPage') },
          { path: 'events/:id', lazy: page(() => import('#web/features/events/event-page.tsx'), 'EventPage') },
          { path: 'registration', lazy: page(() => import('#web/features/events/registration-page.tsx'), 'RegistrationPage') },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      {
        element: <RequireSignIn />,
        children: [
          { path: 'account', lazy: page(() => import('#web/features/account/account-page.tsx'), 'AccountPage') },
          { path: 'events/:id/check-in', lazy: page(() => import('#web/features/events/check-in-page.tsx'), 'CheckInPage') },
          { path: 'certificates', lazy: page(() => import('#web/features/certificates/my-certificates-page.tsx'), 'MyCertificatesPage') },
          { path: 'events/:id/certificates', lazy: page(() => import('#web/features/certificates/event-certificates-page.tsx'), 'EventCertificatesPage') },
          { path: 'events/:id/participants', lazy: page(() => import('#web/features/events/participants-page.tsx'), 'ParticipantsPage') },
          { path: 'admin/audit', lazy: page(() => import('#web/features/audit/audit-page.tsx'), 'AuditPage') },
          { path: 'admin/outbox', lazy: page(() => import('#web/features/outbox/outbox-page.tsx'), 'OutboxPage') },
          { path: 'admin/outbox/:id', lazy: page(() => import('#web/features/outbox/outbox-email-page.tsx'), 'OutboxEmailPage') },
          { path: 'admin/access-requests', lazy: page(() => import('#web/features/access-requests/access-requests-page.tsx'), 'AccessRequestsPage') },
          { path: 'admin/members', lazy: page(() => import('#web/features/organisations/members-page.tsx'), 'MembersPage') },
          { path: 'admin/organisation', lazy: page(() => import('#web/features/organisations/organisation-page.tsx'), 'OrganisationPage') },
          { path: 'admin/organisations', lazy: page(() => import('#web/features/organisations/organisations-page.tsx'), 'OrganisationsPage') },
          { path: 'admin/api-tokens', lazy: page(() => import('#web/features/api-tokens/api-tokens-page.tsx'), 'ApiTokensPage') },
          { path: 'desk', lazy: page(() => import('#web/features/library-desk/desk-page.tsx'), 'DeskPage') },
          { path: 'desk/publications/:slug', lazy: page(() => import('#web/features/library-desk/publication-page.tsx'), 'PublicationPage') },
          { path: 'desk/sections/:sectionId/:lang', lazy: page(() => import('#web/features/library-desk/section-editor-page.tsx'), 'SectionEditorPage') },
          { path: 'desk/sections/:sectionId/:lang/revisions', lazy: page(() => import('#web/features/library-desk/revisions-page.tsx'), 'RevisionsPage') },
          { path: 'reports/events', lazy: page(() => import('#web/features/reports/events-report-page.tsx'), 'EventsReportPage') },
          { path: 'events/:id/results', lazy: page(() => import('#web/features/events/evaluation-results-page.tsx'), 'EvaluationResultsPage') },
          { path: 'reports/library-usage', lazy: page(() => import('#web/features/reports/library-usage-page.tsx'), 'LibraryUsagePage') },
          { path: 'desk/help-contacts', lazy: page(() => import('#web/features/help/help-desk-page.tsx'), 'HelpDeskPage') },
          { path: 'desk/thesaurus', lazy: page(() => import('#web/features/thesaurus/thesaurus-page.tsx'), 'ThesaurusPage') },
          { path: 'desk/directory', lazy: page(() => import('#web/features/directory/directory-desk-page.tsx'), 'DirectoryDeskPage') },
          { path: 'desk/directory/review', lazy: page(() => import('#web/features/directory/directory-review-page.tsx'), 'DirectoryReviewPage') },
          { path: 'desk/reports', lazy: page(() => import('#web/features/library-desk/reports-page.tsx'), 'ReportsPage') },
          { path: 'desk/directory/import', lazy: page(() => import('#web/features/hsds/hsds-import-page.tsx'), 'HsdsImportPage') },
          { path: 'cases', lazy: page(() => import('#web/features/cases/cases-page.tsx'), 'CasesPage') },
          { path: 'cases/approvals', lazy: page(() => import('#web/features/cases/approvals-page.tsx'), 'ApprovalsPage') },
          { path: 'cases/register', lazy: page(() => import('#web/features/cases/register-page.tsx'), 'RegisterPage') },
          { path: 'cases/settings', lazy: page(() => import('#web/features/cases/case-settings-page.tsx'), 'CaseSettingsPage') },
          { path: 'cases/new', lazy: page(() => import('#web/features/cases/new-case-page.tsx'), 'NewCasePage') },
          { path: 'cases/:id', lazy: page(() => import('#web/features/cases/case-page.tsx'), 'CasePage') },
          { path: 'cases/:id/:section', lazy: page(() => import('#web/features/cases/case-page.tsx'), 'CasePage') },
          { path: 'referrals', lazy: page(() => import('#web/features/referrals/referrals-page.tsx'), 'ReferralsPage') },
          { path: 'referrals/new', lazy: page(() => import('#web/features/referrals/new-referral-page.tsx'), 'NewReferralPage') },
          { path: 'referrals/settings', lazy: page(() => import('#web/features/referrals/referral-settings-page.tsx'), 'ReferralSettingsPage') },
          { path: 'referrals/:id', lazy: page(() => import('#web/features/referrals/referral-page.tsx'), 'ReferralPage') },
          { path: 'events/organise', lazy: page(() => import('#web/features/events/organise-page.tsx'), 'OrganisePage') },
          { path: 'events/new', lazy: page(() => import('#web/features/events/event-new-page.tsx'), 'EventNewPage') },
          { path: 'events/:id/edit', lazy: page(() => import('#web/features/events/event-edit-page.tsx'), 'EventEditPage') },
          { path: 'learn', lazy: page(() => import('#web/features/learning/learn-page.tsx'), 'LearnPage') },
          { path: 'learn/manage', lazy: page(() => import('#web/features/learning/manage-page.tsx'), 'ManagePage') },
          { path: 'learn/manage/:id', lazy: page(() => import('#web/features/learning/course-report-page.tsx'), 'CourseReportPage') },
          { path: 'learn/:slug', lazy: page(() => import('#web/features/learning/course-page.tsx'), 'CoursePage') },
          { path: 'learn/:slug/quiz/:quizId', lazy: page(() => import('#web/features/learning/quiz-page.tsx'), 'QuizPage') },
        ],
      },
    ],
  },
]);
