// A short-lived read cache for hot, rarely written rows (sessions, accounts, memberships), emptied by any write to
// the tables it depends on. NOTE: within one process a write is seen at once; other instances on the same PostgreSQL
// server see it within TTL_MS (docs/decisions/009-session-read-cache.md).
import type { KyselyPlugin, OperationNode, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

export const TTL_MS = 5_000;
const WATCHED = new Set(['account', 'membership', 'authsession', 'organisation']);

export class ReadCache implements KyselyPlugin {
  private readonly entries = new Map<string, { value: unknown; until: number }>();

  async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = performance.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value as T;
    const value = await load();
    this.entries.set(key, { value, until: now + TTL_MS });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const table = writtenTable(args.node);
    if (table && WATCHED.has(table.replaceAll('_', '').toLowerCase())) this.clear();
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

function writtenTable(node: RootOperationNode): string | null {
  if (node.kind === 'InsertQueryNode') return tableName(node.into);
  if (node.kind === 'UpdateQueryNode') return tableName(node.table);
  if (node.kind === 'DeleteQueryNode') return tableName(node.from.froms[0]);
  if (node.kind === 'MergeQueryNode') return tableName(node.into);
  return null;
}

function tableName(node: OperationNode | undefined): string | null {
  if (!node) return null;
  if (node.kind === 'AliasNode') return tableName((node as unknown as { node: OperationNode }).node);
  if (node.kind === 'TableNode') return (node as unknown as { table: { identifier: { name: string } } }).table.identifier.name;
  return null;
}
