package mn.zasag;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Zasag, the open e-government platform: one deployable made of modules, one top-level package each.
 */
@SpringBootApplication
@EnableScheduling
public class Zasag {

    public static void main(String[] args) throws java.io.IOException {
        // --generate-persons=N [--registries=true] writes a synthetic population (and its entities, vehicles,
        // property and tax accounts) and exits without starting the platform
        if (mn.zasag.registry.PopulationGenerator.command(args, mn.zasag.demo.SyntheticCountry::sinks)) {
            return;
        }
        SpringApplication.run(Zasag.class, args);
    }
}
