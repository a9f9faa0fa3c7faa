/**
 * The legal entity registry: companies, NGOs, cooperatives and other legal entities with their founders,
 * directors, address and status, the append-only changes that made them so, and the "non-registration"
 * references kiosks print. Owned by the General Authority for State Registration (GASR): only its
 * officers write. Other modules use {@link mn.zasag.legalentity.LegalEntities} and
 * {@link mn.zasag.legalentity.EntityNumber}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Legal entity registry")
package mn.zasag.legalentity;
