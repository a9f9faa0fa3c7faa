/**
 * The state's base registries; for now the civil registry (persons and the civil events that change them:
 * birth, marriage, divorce, address, ID card, name, death) and the administrative divisions it refers to.
 * The civil registry is owned by the General Authority for State Registration: only its officers write.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registries")
package mn.zasag.registry;
