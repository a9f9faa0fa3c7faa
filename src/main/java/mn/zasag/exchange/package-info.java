/**
 * The government data exchange in the shape of X-Road: a directory of members, subsystems, services and access
 * rights (default deny), the PR-REST 1.0 message protocol ({@code /r1/...}), a sealed, hash-chained and
 * time-stamped message log, consent proofs, the citizen's «who used my data» view and the metaservices.
 * Providers (one small class per published service) answer from the base registries; platform modules call
 * through {@link mn.zasag.exchange.Exchange} with the same checks as any agency.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data exchange")
package mn.zasag.exchange;
