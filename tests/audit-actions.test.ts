// AUDIT_ACTIONS is complete: every action code the server passes to recordAudit (or to the library's audit() and
// auditCliAction()) is listed, every listed action and group has a name in audit.json in each language, and details
// read as words.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTIONS, actionKey } from '#shared/audit/audit-actions.ts';
import { actionName, splitDetails } from '#web/features/audit/audit-names.ts';

const CODE = "'([a-z0-9_]+(?:\\.[a-z0-9_]+)*)'";
const PATTERNS = [
  // recordAudit(ctx, trx, { action: '…', … }); not a type such as `action: 'sign_in' | 'reset'`.
  new RegExp(`\\baction: ${CODE}(?!\\s*\\|)`, 'g'),
  // the library's audit(ctx, trx, section, '…', details)
  new RegExp(`\\baudit\\(ctx, trx, \\w+, ${CODE}`, 'g'),
  // auditCliAction(db, config, log, '…')
  new RegExp(`\\bauditCliAction\\([^)]*?${CODE}\\)`, 'g'),
];

function serverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

function recordedActions(): Set<string> {
  const found = new Set<string>();
  for (const file of serverFiles(path.resolve('server'))) {
    const source = readFileSync(file, 'utf8');
    for (const pattern of PATTERNS) for (const match of source.matchAll(pattern)) found.add(match[1] as string);
  }
  return found;
}

describe('audit actions', () => {
  test('the scan finds the server’s recorded actions', () => {
    const found = recordedActions();
    // NOTE: a guard for the scan itself: if the call shapes change, these stop matching and the test would pass empty.
    for (const known of ['sign_in.password', 'library.section_saved', 'database.restored']) expect(found).toContain(known);
  });

  test('every action the server records is in AUDIT_ACTIONS', () => {
    const missing = [...recordedActions()].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a)).sort();
    expect(missing, 'add these to shared/audit/audit-actions.ts and name them in web/locales/*/audit.json').toEqual([]);
  });

  test.each(['en', 'ro', 'nb'])('every action and group has a name in %s', (lang) => {
    const json = JSON.parse(readFileSync(path.resolve('web/locales', lang, 'audit.json'), 'utf8')) as {
      actionNames?: Record<string, string>;
      actionGroups?: Record<string, string>;
    };
    const names = json.actionNames ?? {};
    const groups = json.actionGroups ?? {};
    expect(AUDIT_ACTIONS.filter((a) => !names[actionKey(a)])).toEqual([]);
    expect(AUDIT_ACTION_GROUPS.filter((g) => !groups[actionKey(g)])).toEqual([]);
    expect(Object.keys(names).filter((k) => !AUDIT_ACTIONS.map(actionKey).includes(k)), 'names of actions that no longer exist').toEqual([]);
  });
});

describe('audit details in plain language', () => {
  const load = (ns: string) => JSON.parse(readFileSync(path.resolve('web/locales/en', `${ns}.json`), 'utf8')) as Record<string, unknown>;
  const i18n = i18next.createInstance();
  beforeAll(() => i18n.init({ lng: 'en', resources: { en: { audit: load('audit'), organisations: load('organisations'), library: load('library') } } }));

  test('every action has a name, an unknown code none', () => {
    expect(actionName(i18n.t, 'sign_in.second_factor_failed')).toBe('Wrong two-factor code');
    expect(actionName(i18n.t, 'sign_in')).toBe('Every sign-in action');
    expect(actionName(i18n.t, 'something.new')).toBeNull();
  });

  test('codes become words, ids and unknown keys stay technical', () => {
    const { plain, technical } = splitDetails(i18n.t, 'en', {
      roles: ['org_admin', 'editor'],
      reason: 'wrong_password',
      demo: true,
      minutes: 15,
      revisionId: 'a1',
      filters: { action: 'invitation', actorAccountId: 'b2' },
      somethingElse: 'x',
    });
    expect(Object.fromEntries(plain.map((d) => [d.label, d.value]))).toEqual({
      Roles: 'Organisation admin and Editor',
      Reason: 'wrong password',
      'Demo data': 'Yes',
      Minutes: '15 minutes',
      Filters: 'Action: Every invitation action',
    });
    expect(technical.map(([key]) => key)).toEqual(['revisionId', 'filters.actorAccountId', 'somethingElse']);
  });
});
