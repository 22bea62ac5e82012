// The parts of a case page, in order: each names the category its reader must hold and loads its own component.
// NOTE: one line per part; a feature adds its part here and nowhere else (the page and its navigation read this list).
import type { ComponentType } from 'react';
import type { CaseCategory } from '#shared/cases/case-vocabulary.ts';
import type { CaseDetail } from '#shared/cases/case.schema.ts';

export interface CaseSectionProps {
  detail: CaseDetail;
}

export interface CaseSection {
  /** The last part of the path: /cases/:id/<id>; the overview is /cases/:id. */
  id: string;
  /** An i18next key with its namespace ("cases:section.overview"): each feature keeps its strings in its own file. */
  label: `${string}:${string}`;
  /** Shown only to readers of this category (null: every reader of the case). */
  category: CaseCategory | null;
  load: () => Promise<ComponentType<CaseSectionProps>>;
}

export const CASE_SECTIONS: CaseSection[] = [
  { id: 'overview', label: 'cases:section.overview', category: 'general', load: async () => (await import('./case-overview.tsx')).CaseOverview },
  { id: 'assistance', label: 'case-assistance:section.assistance', category: null, load: async () => (await import('./assistance-section.tsx')).AssistanceSection },
  { id: 'plans', label: 'case-assistance:section.plans', category: null, load: async () => (await import('./plans-section.tsx')).PlansSection },
  { id: 'tasks', label: 'case-assistance:section.tasks', category: null, load: async () => (await import('./tasks-section.tsx')).TasksSection },
  { id: 'consent', label: 'case-consent:section', category: 'general', load: async () => (await import('./case-consent-section.tsx')).CaseConsentSection },
  { id: 'team', label: 'cases:section.team', category: 'general', load: async () => (await import('./case-team.tsx')).CaseTeam },
  { id: 'identity', label: 'cases:section.identity', category: 'identity', load: async () => (await import('./case-identity.tsx')).CaseIdentitySection },
  { id: 'documents', label: 'case-protection:section.documents', category: 'general', load: async () => (await import('./case-documents.tsx')).CaseDocuments },
  { id: 'workflow', label: 'case-workflow:section', category: 'general', load: async () => (await import('./case-workflow-section.tsx')).CaseWorkflowSection },
  { id: 'protection', label: 'case-protection:section.protection', category: 'general', load: async () => (await import('./case-data-protection.tsx')).CaseDataProtection },
];

export function sectionsFor(detail: CaseDetail): CaseSection[] {
  return CASE_SECTIONS.filter((s) => s.category === null || detail.grant.categories.includes(s.category));
}
