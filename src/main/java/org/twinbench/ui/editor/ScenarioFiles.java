package org.twinbench.ui.editor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.twinbench.data.AtomicFiles;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;

/**
 * Scenario files on disk. Saving is atomic: the new text goes to a temporary file in the same
 * folder, the previous version is kept as {@code <name>.bak}, and the temporary file is renamed over
 * the target, so a crash leaves either the old or the new file, never half of one. Also the
 * recovery file written by autosave and the list of recent files, both in the user's folder.
 */
public final class ScenarioFiles {

    public static final int RECENT_LIMIT = 8;
    /** How old a leftover temporary file must be before it is removed (see {@link #removeStaleTemps}). */
    public static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private final Path home;

    public ScenarioFiles(Path home) {
        this.home = home;
    }

    /** The user's TwinBench folder these files live in. */
    public Path home() {
        return home;
    }

    /**
     * Saves atomically, keeping the previous version as {@code .bak} (itself replaced atomically). On
     * failure the target and its backup are as they were, and the exception's message says in one
     * line what went wrong in the user's words (a full disk, a read-only folder, a file where a
     * folder should be).
     */
    public static void save(Scenario scenario, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            removeStaleTemps(absolute);
            byte[] text = ScenarioFormat.toJson(scenario).getBytes(StandardCharsets.UTF_8);
            if (Files.exists(absolute)) {
                AtomicFiles.write(backupOf(absolute), Files.readAllBytes(absolute));
            }
            AtomicFiles.write(absolute, text);
        } catch (IOException e) {
            throw new IOException(SaveFailure.explain(absolute, e), e);
        }
    }

    /**
     * Deletes the temporary files a save of {@code file} (or of its {@code .bak}) left behind when the
     * process was killed between creating and renaming them: {@code .<name><digits>.tmp} and
     * {@code .<name>.bak<digits>.tmp} beside it, as {@link AtomicFiles} names them. Spared: a save in
     * progress in this process, and a file changed in the last {@link #STALE_AFTER} (another
     * TwinBench may be saving it right now; it goes on a later save or opening). Best effort: a
     * file that cannot be deleted stays, and nothing is thrown. Returns how many were deleted.
     */
    public static int removeStaleTemps(Path file) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || absolute.getFileName() == null || !Files.isDirectory(folder)) {
            return 0;
        }
        Pattern temp = Pattern.compile("\\." + Pattern.quote(absolute.getFileName().toString()) + "(\\.bak)?\\d+\\.tmp");
        java.time.Instant staleBefore = java.time.Instant.now().minus(STALE_AFTER);
        int removed = 0;
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(folder,
                p -> temp.matcher(p.getFileName().toString()).matches())) {
            for (Path sibling : siblings) {
                try {
                    if (!AtomicFiles.isBeingWritten(sibling) && Files.isRegularFile(sibling, LinkOption.NOFOLLOW_LINKS)
                            && Files.getLastModifiedTime(sibling).toInstant().isBefore(staleBefore)
                            && Files.deleteIfExists(sibling)) {
                        removed++;
                    }
                } catch (IOException e) {
                    // Left for a later attempt: a leftover must never stop a save or an opening.
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // Likewise: an unreadable folder only means nothing is cleaned now.
        }
        return removed;
    }

    /** Reads a scenario to open it, first removing the temporary files a killed save of it left behind. */
    public static Scenario open(Path file) {
        removeStaleTemps(file);
        return ScenarioFormat.read(file);
    }

    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /** The scenario autosave writes while there are unsaved changes. */
    public Path recoveryFile() {
        return home.resolve("recovery").resolve("autosave.twin.json");
    }

    /** Beside the recovery file: the path of the file the unsaved changes belong to (empty if none). */
    private Path recoveryOrigin() {
        return home.resolve("recovery").resolve("autosave.origin");
    }

    /**
     * Writes the unsaved work to the recovery file. The origin is written first (both atomically), so
     * that whenever a recovery file exists, the origin beside it is the one it belongs to.
     */
    public void writeRecovery(Scenario scenario, Path origin) throws IOException {
        Files.createDirectories(recoveryFile().getParent());
        AtomicFiles.writeString(recoveryOrigin(), origin == null ? "" : origin.toAbsolutePath().toString());
        save(scenario, recoveryFile());
    }

    /** Unsaved work left by a session that did not end normally, if any. */
    public Optional<Recovery> pendingRecovery() {
        Path file = recoveryFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Scenario scenario = ScenarioFormat.read(file);
            String origin = Files.isRegularFile(recoveryOrigin()) ? Files.readString(recoveryOrigin()).strip() : "";
            return Optional.of(new Recovery(scenario, origin.isEmpty() ? null : Path.of(origin)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Unsaved work recovered from a previous session, and the file it belonged to (or null). */
    public record Recovery(Scenario scenario, Path origin) {
    }

    public void clearRecovery() throws IOException {
        Files.deleteIfExists(recoveryFile());
        Files.deleteIfExists(backupOf(recoveryFile()));
        Files.deleteIfExists(recoveryOrigin());
    }

    private Path recentList() {
        return home.resolve("recent-scenarios.txt");
    }

    public List<Path> recent() {
        try {
            if (!Files.isRegularFile(recentList())) {
                return List.of();
            }
            return Files.readAllLines(recentList()).stream().filter(line -> !line.isBlank()).map(Path::of)
                    .limit(RECENT_LIMIT).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Puts {@code file} first in the recent list and returns the new list. */
    public List<Path> remember(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recent());
        list.remove(absolute);
        list.add(0, absolute);
        List<Path> kept = list.subList(0, Math.min(RECENT_LIMIT, list.size()));
        Files.createDirectories(home);
        AtomicFiles.writeText(recentList(), out -> {
            for (Path path : kept) {
                out.write(path + System.lineSeparator());
            }
        });
        return List.copyOf(kept);
    }
}
