/**
 * Customs debts: duties and fees assessed on a person or a legal entity for a customs declaration, and the
 * payments against them; what is still owed and the debtor's status are derived. Owned by the Customs
 * General Administration (agency {@code CUSTOMS}): only its officers write; every read by an officer or a
 * system names its legal basis and is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customs debts")
package mn.zasag.customs;
