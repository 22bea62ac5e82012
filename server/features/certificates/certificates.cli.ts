// Command line: verify a credential file offline. Contexts are bundled; the issuer's keys and the status list come
// from files (saved copies of /ob/issuer and /ob/status/1) when given, else from the local database.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '#server/cli.ts';
import { issuerDocument, statusListCredential } from './ob-sign.ts';
import { issuerIdOf } from './ob-urls.ts';
import { identityHash } from './ob-credential.ts';
import { verifyCredential, type Trust, type VerifyOutcome } from './verify.ts';

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.resolve(file), 'utf8')) as Record<string, unknown>;
}

function print(outcome: VerifyOutcome, source: string): void {
  console.log(outcome.valid ? 'valid' : `invalid: ${outcome.reason}`);
  console.log(`keys and status list: ${source}`);
  if (!outcome.statusChecked) console.log('status: not checked (no status list given)');
  const c = outcome.claims;
  if (!c) return;
  console.log(`credential: ${c.name}`);
  console.log(`issuer: ${c.issuerName ?? ''} <${c.issuerId}>`);
  console.log(`achievement: ${c.achievementName} (${c.achievementType ?? 'no type'})${c.creatorName ? `, by ${c.creatorName}` : ''}`);
  if (c.activityStartDate) console.log(`dates: ${c.activityStartDate} – ${c.activityEndDate ?? c.activityStartDate}`);
  console.log(`valid from: ${c.validFrom.toISOString()}${c.validUntil ? `, until ${c.validUntil.toISOString()}` : ''}`);
}

/** The recipient check of OB 3.0: hash the e-mail with the credential's salt and compare. */
function recipientMatches(credential: Record<string, unknown>, email: string): boolean {
  const subject = credential.credentialSubject as { identifier?: { identityHash?: string; salt?: string }[] } | undefined;
  return (subject?.identifier ?? []).some((i) => typeof i.salt === 'string' && i.identityHash === identityHash(email, i.salt));
}

const verifyCredentialCommand: CliCommand = {
  summary: 'verify an Open Badges 3.0 credential file offline; exits 1 when it is not valid',
  positionals: '<file.json>',
  options: {
    issuer: 'a saved copy of <PUBLIC_URL>/ob/issuer (default: the keys in the local database)',
    'status-list': 'a saved copy of <PUBLIC_URL>/ob/status/1 (default: from the local database when --issuer is not given)',
    email: 'also check that the credential was issued to this e-mail address',
  },
  async run({ options, positionals, config, open }) {
    const file = positionals?.[0];
    if (!file || (positionals?.length ?? 0) > 1) {
      console.error('usage: verify-credential <file.json> [--issuer <file>] [--status-list <file>] [--email <address>]');
      return 2;
    }
    let credential: Record<string, unknown>;
    try {
      credential = readJson(file);
    } catch {
      console.log('invalid: malformed (not a JSON file)');
      return 1;
    }
    const trust = await trustFrom(options, config, open);
    const outcome = await verifyCredential(credential, trust.trust);
    print(outcome, trust.source);
    if (options.email) console.log(recipientMatches(credential, options.email) ? 'recipient: matches the e-mail' : 'recipient: does NOT match the e-mail');
    return outcome.valid && (!options.email || recipientMatches(credential, options.email)) ? 0 : 1;
  },
};

async function trustFrom(options: Record<string, string | undefined>, config: Parameters<CliCommand['run']>[0]['config'], open: Parameters<CliCommand['run']>[0]['open']): Promise<{ trust: Trust; source: string }> {
  if (options.issuer) {
    const issuer = readJson(options.issuer);
    const statusList = options['status-list'] ? readJson(options['status-list']) : null;
    return { trust: { issuerId: String(issuer.id), issuerDocument: issuer, statusList, now: new Date() }, source: `files (${options.issuer}${statusList ? `, ${options['status-list']}` : ''})` };
  }
  const handle = await open();
  try {
    const statusList = options['status-list'] ? readJson(options['status-list']) : await statusListCredential(handle.db, config);
    return { trust: { issuerId: issuerIdOf(config), issuerDocument: await issuerDocument(handle.db, config), statusList, now: new Date() }, source: 'the local database' };
  } finally {
    await handle.close();
  }
}

export const CERTIFICATE_COMMANDS: Record<string, CliCommand> = { 'verify-credential': verifyCredentialCommand };
