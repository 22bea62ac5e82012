// Who sees what on the desk, as pure predicates over the signed-in account and a text.
interface Authored {
  authorAccountId?: string | null | undefined;
  submittedBy?: string | null | undefined;
}

/** Why this account may not publish this version (four eyes), or null. The server has the last word (403). */
export function whyNotPublish(edit: { current: { authorAccountId: string | null } | null; submittedBy: string | null }, accountId: string): 'wrote' | 'submitted' | null {
  if (edit.current?.authorAccountId === accountId) return 'wrote';
  if (edit.submittedBy === accountId) return 'submitted';
  return null;
}

/** Written or submitted by this account; false when the list does not say who (see DeskTextSchema). */
export function isOwnText(text: Authored, accountId: string): boolean {
  return Boolean(accountId) && (text.authorAccountId === accountId || text.submittedBy === accountId);
}

/** A draft of this account's own, or any draft when the list does not say who wrote it. */
export function isMyDraft(text: Authored, accountId: string): boolean {
  return text.authorAccountId === undefined || text.authorAccountId === accountId;
}
