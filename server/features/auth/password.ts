// Password hashing: argon2id at the OWASP minimum parameters (19 MiB, 2 passes, 1 lane).
import { hash, verify, type Options } from '@node-rs/argon2';

// NOTE: 2 is Algorithm.Argon2id; the package exports it as an ambient const enum, which verbatimModuleSyntax cannot read.
const ARGON2ID = 2 as NonNullable<Options['algorithm']>;
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password or a malformed hash; never throws on bad input. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// NOTE: a fixed hash to verify against when the account does not exist, so both paths take the same time.
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('dummy-password-for-timing-equalisation');
  await verifyPassword(await dummyHash, password);
}
