/**
 * The property registry: rights in immovable property by certificate number, with owners (persons or
 * legal entities, with shares), address, area, purpose, encumbrances (mortgages, liens) and the
 * append-only registration history (registrations, transfers, encumbrances registered and released).
 * Owned by the General Authority for State Registration (GASR): only its officers write.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Property registry")
package mn.zasag.property;
