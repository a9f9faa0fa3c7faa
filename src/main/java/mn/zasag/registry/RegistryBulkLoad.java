package mn.zasag.registry;

import java.nio.file.Path;

/**
 * A base registry that loads its own CSV as part of a bulk import of persons (the other registries of a
 * synthetic country: legal entities, vehicles, property, tax). Each registry module implements it as a bean;
 * {@link PersonImporter} runs every one whose file lies next to the persons file
 * ({@code <stem>.<name>.csv} beside {@code <stem>.csv}), in {@link #order()}, after the persons are written
 * and <b>in the same transaction</b>: an import is still all or nothing. Rows are staged with
 * {@link BulkCsv} (streamed with {@code COPY}), checked with set-based statements and inserted with one
 * {@code INSERT … SELECT} per table — the same fast path as the persons.
 */
public interface RegistryBulkLoad {

    /** The file's middle name ({@code entities} for {@code persons.entities.csv}) and the registry's name. */
    String name();

    /** Lower loads first (entities before the registries that name entities as owners). */
    int order();

    /**
     * Loads the file in the caller's transaction and writes its rejected rows (if any) to {@code rejects}.
     *
     * @throws ImportFailed when the file cannot be loaded at all (wrong header, not UTF-8)
     */
    BulkLoadResult load(Path csv, Path rejects, String legalBasis, String actor, String importId);

    /** What one registry's file gave. */
    record BulkLoadResult(String registry, long rows, long imported, long rejected, String rejectsFile) {
    }
}
