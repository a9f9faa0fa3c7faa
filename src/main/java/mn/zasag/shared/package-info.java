/**
 * The shared kernel: national identifiers, the clock, problem details and the web shell's plumbing
 * (database bootstrap, locale, error pages). Every module may use it; it depends on no module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package mn.zasag.shared;
