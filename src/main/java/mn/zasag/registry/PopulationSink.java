package mn.zasag.registry;

import java.io.Closeable;
import java.io.IOException;

/**
 * One kind of output of {@link PopulationGenerator}: it receives every generated person once, in order, and
 * writes whatever rows it derives from them. {@link PersonsCsv} writes the civil registry's persons;
 * the other registries (legal entities, vehicles, property) add their own sink (e.g. a vehicles CSV that
 * gives some adults a car, drawing from its own {@code Random} seeded from the generator's seed and the
 * person's {@link SyntheticPerson#index()}), so every kind stays deterministic and the generator still
 * makes one streaming pass with bounded memory.
 */
public interface PopulationSink extends Closeable {

    void accept(SyntheticPerson person) throws IOException;
}
