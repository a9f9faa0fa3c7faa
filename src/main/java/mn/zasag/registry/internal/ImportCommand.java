package mn.zasag.registry.internal;

import mn.zasag.registry.ImportFailed;
import mn.zasag.registry.ImportProgress;
import mn.zasag.registry.PersonImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --import-persons=<file.csv>} on the command line: imports the file once the platform has started
 * (after the demo data), logs progress every few seconds, then stops the platform with exit code 0 (done,
 * rejected rows listed in {@code <file.csv>.rejects.csv}) or 1 (nothing imported). {@code --legal-basis=...}
 * sets the legal basis recorded on every civil event.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ImportCommand implements ApplicationRunner {

    static final String DEFAULT_LEGAL_BASIS = "Бөөнөөр ачаалсан өгөгдөл (bulk import)";
    private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

    private final PersonImporter importer;
    private final ApplicationContext context;

    ImportCommand(PersonImporter importer, ApplicationContext context) {
        this.importer = importer;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> files = args.getOptionValues("import-persons");
        if (files == null || files.isEmpty()) {
            return;
        }
        List<String> basis = args.getOptionValues("legal-basis");
        Path csv = Path.of(files.get(0)).toAbsolutePath();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        int code = 1;
        try {
            ticker.scheduleAtFixedRate(() -> importer.recent().stream().filter(p -> !p.finished()).findFirst()
                    .ifPresent(p -> log.info("Import {}: {} — {} rows read ({} %), {} rejected, {} rows/s, ETA {}",
                            p.fileName(), p.phase(), p.rowsRead(), p.percentRead(), p.rejected(), p.rowsPerSecond(),
                            p.etaSeconds() < 0 ? "-" : p.etaSeconds() + " s")), 2, 2, TimeUnit.SECONDS);
            ImportProgress done = importer.run(csv, basis == null || basis.isEmpty() ? DEFAULT_LEGAL_BASIS : basis.get(0),
                    "cli");
            log.info("Import {} done: {} rows, {} imported, {} rejected, {} rows/s overall, {} s", done.fileName(),
                    done.rowsRead(), done.imported(), done.rejected(), done.rowsPerSecond(), done.elapsedSeconds());
            done.registries().forEach(r -> log.info("Import {} done: {} {} rows, {} imported, {} rejected{}", done.fileName(),
                    r.registry(), r.rows(), r.imported(), r.rejected(), r.rejectsFile() == null ? "" : " (see " + r.rejectsFile() + ")"));
            code = 0;
        } catch (ImportFailed e) {
            log.error("Import of {} failed, nothing written: {} ({})", csv, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Import of {} failed, nothing written", csv, e);
        } finally {
            ticker.shutdownNow();
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
