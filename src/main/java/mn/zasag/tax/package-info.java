/**
 * The tax registry: taxpayers (persons or legal entities) with their tax office, and an append-only ledger
 * of assessed tax debts and payments from which the balance and the "no tax debt" status are derived.
 * Owned by the General Department of Taxation (agency {@code GDT}): only its officers write; every read by
 * an officer or a system names its legal basis and is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tax registry")
package mn.zasag.tax;
