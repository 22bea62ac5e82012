// The signed-in person's inbox: every provider's line of waiting work, those with something waiting.
import { actorOf, type Ctx } from '#server/context.ts';
import type { Inbox, InboxItem } from '#shared/inbox/inbox.schema.ts';
import { INBOX_PROVIDERS, type InboxProvider } from './inbox.providers.ts';

/** What waits for the actor, one item per kind of work, in the providers' order. */
export async function getInbox(ctx: Ctx, providers: readonly InboxProvider[] = INBOX_PROVIDERS): Promise<Inbox> {
  const inboxCtx = { db: ctx.db, actor: actorOf(ctx), now: ctx.now };
  const lines = await Promise.all(providers.map((provide) => provide(inboxCtx)));
  return { items: lines.filter((item): item is InboxItem => item !== null) };
}
