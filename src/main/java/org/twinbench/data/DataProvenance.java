package org.twinbench.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a table came from: enough to tell later whether a result was made from the same bytes.
 *
 * @param schemaHash SHA-256 over the column names and kinds in order (see {@link #schemaHash(Map)})
 * @param loadedAt   when the load started, ISO-8601 UTC
 * @param loadMillis how long the load took
 */
public record DataProvenance(String file, String sha256, int rows, int columns, String schemaHash, String loadedAt,
                             long loadMillis) {

    /** Provenance without schema hash and timing (for tables not loaded from a file by {@link TableLoader}). */
    public DataProvenance(String file, String sha256, int rows, int columns) {
        this(file, sha256, rows, columns, "", "", 0);
    }

    /** SHA-256 of a file's bytes, as lower-case hex. */
    public static String sha256(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the lines {@code name<TAB>KIND\n}, one per column in order: equal schemas, equal hashes. */
    public static String schemaHash(Map<String, ValueKind> kinds) {
        StringBuilder text = new StringBuilder();
        kinds.forEach((name, kind) -> text.append(name).append('\t').append(kind).append('\n'));
        return Sha256.of(text.toString());
    }
}
