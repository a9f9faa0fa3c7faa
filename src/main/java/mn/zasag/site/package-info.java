/**
 * The portal's front door: the home page and what every visitor sees first. Pages of other modules use
 * the same layout (templates/fragments/layout.html).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Site")
package mn.zasag.site;
