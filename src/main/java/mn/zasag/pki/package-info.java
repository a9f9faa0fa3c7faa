/**
 * The national PKI: a root CA and the issuing CAs under it (agencies' seals and TLS, persons, services),
 * created on first start, certificates issued from PKCS#10 requests by profile, revoked and suspended, and
 * the revocation status served as CRLs and by an OCSP responder at public URLs other systems hard-code;
 * and agencies' seals, with which PDFs are sealed as PAdES signatures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "PKI")
package mn.zasag.pki;
