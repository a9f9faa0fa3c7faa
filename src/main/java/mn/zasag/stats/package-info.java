/**
 * Counters and service performance figures. For now: the portal's visitor counters (this month, this
 * year, total), counted once per browser session from real page visits.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package mn.zasag.stats;
