/**
 * Demo data for a fresh installation: the agencies the seed names and one account per role, each with a
 * documented access token. Runs once per database, only when {@code ZASAG_DEMO} is true.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package mn.zasag.demo;
