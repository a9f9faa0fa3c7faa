/**
 * Agencies and (later) the public services catalogue. Agencies are the organisations that own registries,
 * offer services and employ officials; other modules refer to them by their stable code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package mn.zasag.catalog;
