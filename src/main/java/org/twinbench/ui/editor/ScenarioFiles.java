package org.twinbench.ui.editor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private final Path home;

    public ScenarioFiles(Path home) {
        this.home = home;
    }

    public static void save(Scenario scenario, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
        try {
            Files.writeString(temp, ScenarioFormat.toJson(scenario), StandardCharsets.UTF_8);
            if (Files.exists(absolute)) {
                Files.copy(absolute, backupOf(absolute), StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
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

    public void writeRecovery(Scenario scenario, Path origin) throws IOException {
        save(scenario, recoveryFile());
        Files.writeString(recoveryOrigin(), origin == null ? "" : origin.toAbsolutePath().toString());
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
        Files.write(recentList(), kept.stream().map(Path::toString).toList());
        return List.copyOf(kept);
    }
}
