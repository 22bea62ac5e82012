// "My work today" on the signed-in home: the actor's open tasks due today or overdue, and the follow-ups due on the
// assistance they recorded or on the cases they own, only on open cases they can open (visibleToActor) and only in
// categories they hold on that case. Codes and dates only: no note ever leaves for the home page.
import { sql, type ExpressionBuilder } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import type { Actor } from '#server/http/access.ts';
import type { MyWork, MyWorkItem, TaskKind } from '#shared/cases/follow-up.schema.ts';
import type { AssistanceType } from '#shared/cases/case-vocabulary.ts';
import { visibleToActor } from './case-access.ts';
import { dayText, dayValue, todayOf } from './case-records.ts';

const OPEN = ['Active', 'FollowUp'];
const LIMIT = 100;
/** A follow-up that passed this long ago without a newer date is no longer "today's" work (it stays on the record). */
const FOLLOW_UP_WINDOW_DAYS = 30;
const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';

type Scope = Database & { c: Database['caseFile'] };

/** The actor holds `category` on the case as a team member of their current organisation. */
function holds(actor: Actor, category: 't.category' | 'a.category') {
  return (eb: ExpressionBuilder<Scope, 'c'>) =>
    eb.exists(
      eb
        .selectFrom('caseMember as m')
        .select(sql`1`.as('one'))
        .whereRef('m.caseId', '=', 'c.id')
        .where('m.accountId', '=', actor.accountId)
        .where('m.organisationId', '=', actor.organisationId ?? NO_ORGANISATION)
        .where(sql<boolean>`m.grants @> jsonb_build_array(${sql.ref(category)})`),
    );
}

function tasksDue(db: Db, actor: Actor, now: Date) {
  return db
    .selectFrom('caseTask as t')
    .innerJoin('caseFile as c', 'c.id', 't.caseId')
    .where('t.assigneeAccountId', '=', actor.accountId)
    .where('t.doneAt', 'is', null)
    .where('t.dueOn', '<=', dayValue(todayOf(now)))
    .where('c.status', 'in', OPEN)
    .where(visibleToActor(actor, now))
    .where(holds(actor, 't.category'));
}

function followUpsDue(db: Db, actor: Actor, now: Date) {
  const from = todayOf(new Date(now.getTime() - FOLLOW_UP_WINDOW_DAYS * 86_400_000));
  return db
    .selectFrom('caseAssistance as a')
    .innerJoin('caseFile as c', 'c.id', 'a.caseId')
    .where('a.followUpDue', '<=', dayValue(todayOf(now)))
    .where('a.followUpDue', '>=', dayValue(from))
    .where((eb) => eb.or([eb('a.createdBy', '=', actor.accountId), eb('c.ownerAccountId', '=', actor.accountId)]))
    .where('c.status', 'in', OPEN)
    .where(visibleToActor(actor, now))
    .where(holds(actor, 'a.category'));
}

/** How many lines "my work today" has: the home page's inbox count (0 for someone without case work). */
export async function myWorkCount(db: Db, actor: Actor, now: Date): Promise<number> {
  if (!actor.organisationId) return 0;
  const [tasks, followUps] = await Promise.all([
    tasksDue(db, actor, now).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    followUpsDue(db, actor, now).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return Number(tasks.n) + Number(followUps.n);
}

export async function myWork(ctx: Ctx): Promise<MyWork> {
  const actor = actorOf(ctx);
  const today = todayOf(ctx.now);
  if (!actor.organisationId) return { items: [], today };
  const [tasks, followUps] = await Promise.all([
    tasksDue(ctx.db, actor, ctx.now).select(['c.id as caseId', 'c.code as caseCode', 't.kind', dayText('t.dueOn').as('dueOn')]).orderBy('t.dueOn').orderBy('c.code').limit(LIMIT).execute(),
    followUpsDue(ctx.db, actor, ctx.now).select(['c.id as caseId', 'c.code as caseCode', 'a.type', dayText('a.followUpDue').as('dueOn')]).orderBy('a.followUpDue').orderBy('c.code').limit(LIMIT).execute(),
  ]);
  const items: MyWorkItem[] = [
    ...tasks.map((r) => ({ kind: 'task' as const, caseId: r.caseId, caseCode: r.caseCode, taskKind: r.kind as TaskKind, dueOn: r.dueOn })),
    ...followUps.map((r) => ({ kind: 'follow_up' as const, caseId: r.caseId, caseCode: r.caseCode, assistanceType: r.type as AssistanceType, dueOn: r.dueOn })),
  ];
  items.sort((x, y) => x.dueOn.localeCompare(y.dueOn) || x.caseCode.localeCompare(y.caseCode));
  return { items, today };
}
