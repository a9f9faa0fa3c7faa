/**
 * The 11-11 centre: citizens' complaints, suggestions and opinions from the web form, the kiosk, SMS to
 * 141111 and the operators' console, routed to the responsible agency's queue and answered within the
 * law's 30 days. It owns the cases, their history of transitions and the flood counters.
 */
@org.springframework.modulith.ApplicationModule(displayName = "11-11 feedback centre")
package mn.zasag.feedback;
