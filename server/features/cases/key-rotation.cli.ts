// `npm run cli -- rotate-keys [--batch 500]`: re-seals everything under the first DATA_ENCRYPTION_KEYS key and
// re-indexes identities under the first BLIND_INDEX_KEYS key, printing progress. docs/operations.md says how to rotate.
import type { CliCommand } from '#server/cli.ts';
import { countStale, rotateKeys } from './key-rotation.ts';

const rotateKeysCommand: CliCommand = {
  summary: 're-encrypt sealed data with the first DATA_ENCRYPTION_KEYS key and re-index under the first BLIND_INDEX_KEYS key (resumable)',
  options: { batch: 'rows per transaction (default 500)' },
  async run({ options, config, open }) {
    const batch = options.batch === undefined ? 500 : Number(options.batch);
    if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) {
      console.error('--batch must be a whole number from 1 to 10000');
      return 2;
    }
    const handle = await open();
    try {
      console.log(`rotating to encryption key ${config.encryptionKeys[0]!.id} and blind-index key ${config.blindIndexKeys[0]!.id}`);
      const summary = await rotateKeys(handle.db, config, { batch, progress: (line) => console.log(line) });
      const left = await countStale(handle.db, config);
      console.log(`done: ${summary.values} values and ${summary.attachments} files re-sealed, ${summary.identitiesReindexed} identities re-indexed; ${left} left under older keys`);
      return left === 0 ? 0 : 1;
    } finally {
      await handle.close();
    }
  },
};

export const KEY_COMMANDS: Record<string, CliCommand> = { 'rotate-keys': rotateKeysCommand };
