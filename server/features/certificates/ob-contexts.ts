// The JSON-LD document loader of certificates: every context is bundled with the packages and nothing is ever fetched.
// A URL that is neither a bundled context nor one of the documents the caller hands in (our issuer document, the
// status list) makes the loader throw, so a credential naming an unknown context fails cleanly instead of calling out.
import { vcStack } from './vc-stack.ts';

export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const DID_V1 = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';

export type DocumentLoader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;

export class UnknownDocumentError extends Error {
  readonly url: string;
  constructor(url: string) {
    super('A document the credential needs is not bundled here');
    this.url = url;
  }
}

async function bundled(): Promise<(url: string) => Promise<{ document: unknown }>> {
  const { securityLoader, multikeyContexts, dataIntegrityContexts, openBadgesContexts } = await vcStack();
  const loader = securityLoader();
  for (const [url, context] of multikeyContexts) loader.addStatic(url, context);
  for (const [url, context] of dataIntegrityContexts) loader.addStatic(url, context);
  for (const [url, context] of openBadgesContexts) loader.addStatic(url, context);
  return loader.build();
}

let contexts: ReturnType<typeof bundled> | null = null;

/** A loader over the bundled contexts plus the given documents (by URL; a `#fragment` finds a key inside its document). */
export function documentLoaderWith(documents: ReadonlyMap<string, object>): DocumentLoader {
  return async (url: string) => {
    const own = documents.get(url) ?? keyInside(documents, url);
    if (own) return { contextUrl: null, documentUrl: url, document: structuredClone(own) };
    // NOTE: did: URLs would be resolved by the security loader's did:key driver (offline, but not our issuer): refused
    // here so that only our published keys can verify.
    if (!url.startsWith('https://') || url.startsWith('did:')) throw new UnknownDocumentError(url);
    try {
      contexts ??= bundled();
      const found = await (await contexts)(url);
      return { contextUrl: null, documentUrl: url, document: found.document };
    } catch {
      throw new UnknownDocumentError(url);
    }
  };
}

/** The verification method `<controller>#key-n` as a document of its own, taken from the controller document. */
function keyInside(documents: ReadonlyMap<string, object>, url: string): object | undefined {
  const hash = url.indexOf('#');
  if (hash < 0) return undefined;
  const controller = documents.get(url.slice(0, hash)) as { assertionMethod?: unknown } | undefined;
  const methods = Array.isArray(controller?.assertionMethod) ? (controller.assertionMethod as { id?: unknown }[]) : [];
  const method = methods.find((m) => typeof m === 'object' && m !== null && m.id === url);
  return method ? { '@context': MULTIKEY_V1, ...method } : undefined;
}
