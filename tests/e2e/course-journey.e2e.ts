// Journey of issue 11 (learning): a Norwegian clinician opens the courses, starts the first one, takes the test before
// the course (some answers wrong), reads a lesson, marks every part done, takes the final test (all answers right),
// sees what she learnt and that she passed. The quizzes are answered with the keyboard only (Tab, Space, arrow keys,
// Enter), which proves a quiz can be taken without a mouse. The right answers are read from the course's files.
// On a server of its own, so the enrolment is its own.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '#server/features/demo/demo-data.ts';
import { apiSession, browserAs } from './events-support.ts';
import type { RunningServer } from './server.ts';
import { exactly, expectNoAxeViolations, expectNoRawKeys, startOwnServer, stopOwnServer, text } from './support.ts';

const COURSE_DIR = path.resolve(import.meta.dirname, '../../content/courses/identification-first-response');
type Question = { id: string; kind: 'single' | 'true_false' | 'multiple' | 'matching'; options?: string[]; correct?: string[] | boolean; left?: string[]; right?: string[]; pairs?: Record<string, string> };
const COURSE = JSON.parse(readFileSync(path.join(COURSE_DIR, 'course.json'), 'utf8')) as { slug: string; questions: Question[] };
const NB = JSON.parse(readFileSync(path.join(COURSE_DIR, 'nb.json'), 'utf8')) as {
  title: string;
  questions: Record<string, { prompt: string; options?: Record<string, string>; left?: Record<string, string>; right?: Record<string, string> }>;
};
const learner = DEMO_ACCOUNTS.find((a) => a.email.startsWith('clinician-nb@'))!;
const l = (key: string) => text('nb', 'learning', key);

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ server, browser } = await startOwnServer('pro-health-course-journey-'));
});

afterAll(() => stopOwnServer(server, [browser], contexts));

async function expectClean(page: Page): Promise<void> {
  await expectNoRawKeys(page);
  await expectNoAxeViolations(page);
}

/** Presses Tab until the focus is inside `target` (the keyboard's way there), failing after 60 presses. */
async function tabInto(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el.contains(document.activeElement))) return;
  }
  throw new Error('Tab never reached the element');
}

/** What to answer: the right answer, or a wrong one (for the test before the course). */
function chosen(q: Question, right: boolean): { options?: string[]; pairs?: Record<string, string> } {
  const words = NB.questions[q.id]!;
  if (q.kind === 'true_false') {
    const value = right ? q.correct === true : q.correct !== true;
    return { options: [value ? l('quiz.true') : l('quiz.false')] };
  }
  if (q.kind === 'single' || q.kind === 'multiple') {
    const correct = q.correct as string[];
    const keys = right ? correct : q.options!.filter((o) => !correct.includes(o)).slice(0, q.kind === 'single' ? 1 : 2);
    return { options: keys.map((k) => words.options![k]!) };
  }
  const rights = q.right!;
  const pairs = Object.fromEntries(
    q.left!.map((left) => {
      const correct = q.pairs![left]!;
      const key = right ? correct : rights[(rights.indexOf(correct) + 1) % rights.length]!;
      return [words.left![left]!, words.right![key]!];
    }),
  );
  return { pairs };
}

/** Answers one question with the keyboard only; the focus starts before it and ends on its last control. */
async function answerByKeyboard(page: Page, question: Locator, q: Question, right: boolean): Promise<void> {
  const want = chosen(q, right);
  await tabInto(page, question);
  if (want.pairs) {
    const selects = question.locator('select');
    for (let i = 0; i < (await selects.count()); i++) {
      const select = selects.nth(i);
      const leftLabel = ((await question.locator('label').nth(i).textContent()) ?? '').trim();
      const labels = (await select.locator('option').allTextContents()).map((s) => s.trim());
      const steps = labels.indexOf(want.pairs[leftLabel]!);
      expect(steps, `option for ${leftLabel}`).toBeGreaterThan(0);
      if (i > 0) await page.keyboard.press('Tab');
      for (let s = 0; s < steps; s++) await page.keyboard.press('ArrowDown');
      expect(await select.evaluate((el) => (el as HTMLSelectElement).selectedIndex)).toBe(steps);
    }
    return;
  }
  const labels = (await question.locator('.quiz-choice').allTextContents()).map((s) => s.trim());
  const indexes = want.options!.map((o) => labels.indexOf(o.trim()));
  expect(indexes.every((i) => i >= 0), `options ${want.options} among ${labels}`).toBe(true);
  if (q.kind === 'multiple') {
    for (let i = 0; i < labels.length; i++) {
      if (i > 0) await page.keyboard.press('Tab');
      if (indexes.includes(i)) await page.keyboard.press('Space');
    }
  } else if (indexes[0] === 0) {
    await page.keyboard.press('Space');
  } else {
    for (let s = 0; s < indexes[0]!; s++) await page.keyboard.press('ArrowDown');
  }
}

/** Takes the open quiz on the page with the keyboard, then submits it with Enter. */
async function takeQuiz(page: Page, right: boolean): Promise<void> {
  await page.locator('.quiz-question').first().waitFor();
  await page.locator('body').focus();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const questions = page.locator('.quiz-question');
  const count = await questions.count();
  expect(count).toBe(15);
  for (let i = 0; i < count; i++) {
    const question = questions.nth(i);
    const prompt = (await question.locator('.quiz-prompt').first().textContent()) ?? '';
    const q = COURSE.questions.find((x) => prompt.includes(NB.questions[x.id]!.prompt));
    expect(q, `a question of the course: ${prompt.slice(0, 60)}`).toBeDefined();
    await answerByKeyboard(page, question, q!, right);
  }
  await expect.poll(() => page.getByText(/^\d+ spørsmål er ikke besvart ennå\.$/).count()).toBe(0);
  await page.getByRole('status').filter({ hasText: l('quiz.saved') }).waitFor();
  await tabInto(page, page.getByRole('button', { name: exactly(l('quiz.submit')) }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: exactly(l('result.title')) }).waitFor();
}

describe('a Norwegian clinician takes the first course by keyboard and passes', () => {
  let page: Page;
  const coursePath = `/learn/${COURSE.slug}`;

  test('opens the courses and the first course', async () => {
    const api = await apiSession(server.url, learner.email);
    ({ page } = await browserAs(browser, server.url, api, 'nb-NO'));
    contexts.push(page.context());
    await page.goto(`${server.url}/learn`);
    await page.getByRole('heading', { level: 1, name: exactly(l('list.title')) }).waitFor();
    await expectClean(page);
    await page.getByRole('link', { name: exactly(NB.title) }).click();
    await page.waitForURL((url) => url.pathname === coursePath);
    await page.getByRole('heading', { level: 1, name: exactly(NB.title) }).waitFor();
    await expectClean(page);
  });

  test('takes the test before the course by keyboard, with some answers wrong', async () => {
    await page.getByRole('button', { name: exactly(l('quiz.start')) }).first().click();
    await page.waitForURL(/\/quiz\/.+attempt=/);
    await expectClean(page);
    await takeQuiz(page, false);
    const score = (await page.locator('.learn-score').textContent()) ?? '';
    const percent = Number(/\((\d+) %\)/.exec(score)?.[1]);
    expect(percent).toBeLessThan(70);
    await expectClean(page);
  });

  test('reads a lesson and marks every part done', async () => {
    await page.goto(server.url + coursePath);
    // The next lesson is open already; the one after it is closed until the reader opens it.
    const lesson = page.locator('details.learn-lesson').nth(1);
    expect(await lesson.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await lesson.locator('summary').click();
    expect(await lesson.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(((await lesson.locator('.prose').textContent()) ?? '').length).toBeGreaterThan(100);
    const markDone = page.getByRole('button', { name: exactly(l('module.markDone')) });
    for (let left = await markDone.count(); left > 0; left--) {
      await markDone.first().click();
      await expect.poll(() => markDone.count()).toBe(left - 1);
    }
    await expectClean(page);
  });

  test('takes the final test by keyboard with every answer right, sees the knowledge change and passes', async () => {
    await page.getByRole('button', { name: exactly(l('quiz.start')) }).first().click();
    await page.waitForURL(/\/quiz\/.+attempt=/);
    await takeQuiz(page, true);
    expect(await page.locator('.learn-score').textContent()).toContain('(100 %)');
    await expectClean(page);

    await page.goto(server.url + coursePath);
    await page.getByRole('heading', { name: exactly(l('knowledge.title')) }).waitFor();
    await page.getByText(l('course.passedTitle'), { exact: true }).waitFor();
    await expectClean(page);
    await page.goto(`${server.url}/learn`);
    await page.getByText(l('progress.passed')).first().waitFor();
  });

  test('gets the course certificate from the course page; signed out, anyone can verify it', async () => {
    const cert = (key: string) => text('nb', 'certificates', key);
    await page.goto(server.url + coursePath);
    await page.getByRole('button', { name: exactly(l('course.getCertificate')) }).click();
    const shown = page.locator('.certificate-code');
    await shown.waitFor();
    const code = ((await shown.textContent()) ?? '').trim();
    expect(code.length).toBeGreaterThanOrEqual(6);
    await expectClean(page);

    await page.goto(`${server.url}/certificates`);
    await page.locator('.certificate-code', { hasText: code }).waitFor();
    await expectClean(page);

    const { context, page: anyone } = await browserAs(browser, server.url, null, 'nb-NO');
    contexts.push(context);
    await anyone.goto(`${server.url}/verify/${code}`);
    await anyone.getByText(cert('verify.valid'), { exact: true }).first().waitFor();
    await anyone.getByText(learner.displayName).first().waitFor();
    await anyone.getByText(NB.title).first().waitFor();
    await expectClean(anyone);
  });
});
