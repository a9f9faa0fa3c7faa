/**
 * Driving licences: each licence card (number, holder, categories, validity, status) and its append-only
 * history, international driving permits, the traffic violations on a driver's record and bookings of the
 * driving test. Owned by the traffic police's licence centre (agency {@code POLICE}): only its officers write;
 * every read by an officer or a system names its legal basis and is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Driving licences")
package mn.zasag.licences;
