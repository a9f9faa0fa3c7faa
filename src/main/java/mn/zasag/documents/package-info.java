/**
 * Issued documents: decisions and references the platform issues as sealed PDFs (PAdES B-LT with the issuing
 * agency's e-seal), each with a QR code and a short code that lead to a public verification page, listed in
 * the holder's "My documents" wallet and revocable by the issuer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Issued documents")
package mn.zasag.documents;
