package mn.zasag.demo;

import mn.zasag.legalentity.EntitiesCsv;
import mn.zasag.property.PropertyCsv;
import mn.zasag.registry.PersonImporter;
import mn.zasag.registry.PopulationSink;
import mn.zasag.tax.TaxCsv;
import mn.zasag.vehicles.VehiclesCsv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A synthetic country beyond its people: the sinks that give the generated persons legal entities,
 * vehicles, property and tax accounts, each written beside the persons file under the name the importer
 * looks for ({@link PersonImporter#registryFileFor}). The entities sink runs first and hands each entity to
 * the others, so a vehicle, an office or a tax account may belong to an entity of the same file.
 */
public final class SyntheticCountry {

    private SyntheticCountry() {
    }

    /** The other registries' sinks for {@code personsCsv}, in the order the generator must call them. */
    public static List<PopulationSink> sinks(Path personsCsv, long seed, LocalDate asOf) throws IOException {
        VehiclesCsv vehicles = new VehiclesCsv(Files.newOutputStream(PersonImporter.registryFileFor(personsCsv, "vehicles")), seed, asOf);
        PropertyCsv property = new PropertyCsv(Files.newOutputStream(PersonImporter.registryFileFor(personsCsv, "property")), seed, asOf);
        TaxCsv tax = new TaxCsv(Files.newOutputStream(PersonImporter.registryFileFor(personsCsv, "tax")), seed, asOf);
        EntitiesCsv entities = new EntitiesCsv(Files.newOutputStream(PersonImporter.registryFileFor(personsCsv, "entities")),
                seed, asOf, List.of(vehicles, property, tax));
        return List.of(entities, vehicles, property, tax);
    }
}
