// Stable HSDS ids for the parts of a listing the directory keeps as jsonb lists (languages, service areas, schedules,
// required documents, phones, attributes, addresses): a UUID v5 (RFC 9562 §5.5) of the owner's id and the value, so
// the same listing exports with the same ids every time and on every installation.
import { createHash } from 'node:crypto';

/** The UUID v5 namespace of Pro Health's derived HSDS ids (itself a random v4, fixed forever). */
const NAMESPACE = 'b1f0a3c2-4f6e-4d7a-9c85-2e3f41d6a7b9';
const NAMESPACE_BYTES = Buffer.from(NAMESPACE.replaceAll('-', ''), 'hex');

/** UUID v5 of `name` in Pro Health's namespace. */
export function uuidV5(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE_BYTES).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The id of one item of an owner's list: `kind` keeps a language "en" apart from a document "en". */
export function derivedId(ownerId: string, kind: string, value: string): string {
  return uuidV5(`${ownerId}/${kind}/${value}`);
}
