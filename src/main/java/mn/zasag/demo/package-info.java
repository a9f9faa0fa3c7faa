/**
 * Demo data for a fresh installation: the agencies the seed names, one account per role, each with a
 * documented access token, and a few hundred persons in the civil registry. Runs once per database, only
 * when {@code ZASAG_DEMO} is true.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package mn.zasag.demo;
