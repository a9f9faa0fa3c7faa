/**
 * The append-only, tamper-evident audit trail: every login, logout, account change and admin action,
 * with who, when, what, on which object, from where and with which outcome. Each entry carries the hash
 * of the one before it, so a changed or removed row breaks the chain and {@code verify} finds it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package mn.zasag.audit;
