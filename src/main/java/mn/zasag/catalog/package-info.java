/**
 * Agencies and the public services catalogue. Agencies are the organisations that own registries, offer services and
 * employ officials; other modules refer to them by their stable code. The catalogue (services with their categories,
 * life events, documents, fees and times) is loaded from versioned data files in {@code src/main/resources/catalog/},
 * searched in Cyrillic and Latin, and edited by platform and agency admins.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package mn.zasag.catalog;
