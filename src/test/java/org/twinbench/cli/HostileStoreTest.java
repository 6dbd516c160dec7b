package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.testing.SmallLoans;

/**
 * Issue 17, item 6: {@code runs list|show|export} open the store read-only. Another application's
 * SQLite file, an empty database, a store of a newer TwinBench, a damaged store and files that are
 * no database at all are refused with exit 2 and one line, and their bytes stay exactly as they were
 * (no tables added, no user_version rewritten, no switch to WAL, nothing set aside). {@code run
 * --store} refuses the foreign and newer files the same way.
 */
class HostileStoreTest {

    private static final String CLASS = "6 foreign or newer stores";

    @TempDir
    static Path dir;
    private static Path goodStore;
    private static Path scenario;

    @BeforeAll
    static void recordOneRun() {
        try {
            scenario = SmallLoans.scenario(dir, "s.twin.json", SampleScenarios.loansRecession(5), 3);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        goodStore = dir.resolve("good/runs.sqlite");
        CliRunner run = CliRunner.run("run", scenario.toString(), "--out", dir.resolve("first").toString(), "--store",
                goodStore.toString(), "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @AfterAll
    static void summary() {
        System.out.print(Refusals.summary());
    }

    private static void sql(Path file, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** The hostile files, by name, and the words their refusal must contain. */
    private static Map<Path, String> hostileFiles() throws IOException, SQLException {
        try (Stream<Path> old = Files.list(dir)) {
            for (Path f : old.filter(f -> f.getFileName().toString().contains(".sqlite")).toList()) {
                Files.delete(f);
            }
        }
        Map<Path, String> files = new LinkedHashMap<>();
        Path other = dir.resolve("other-app.sqlite");
        sql(other, "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)",
                "INSERT INTO contacts (name) VALUES ('Ada')", "PRAGMA user_version=7");
        files.put(other, "not a TwinBench run store (its tables: contacts)");
        Path otherRuns = dir.resolve("other-runs.sqlite");
        sql(otherRuns, "CREATE TABLE runs (id INTEGER PRIMARY KEY, what TEXT)", "PRAGMA user_version=1");
        files.put(otherRuns, "not a TwinBench run store (its tables: runs)");
        Path empty = dir.resolve("empty.sqlite");
        sql(empty, "PRAGMA user_version=0", "VACUUM");
        files.put(empty, "not a TwinBench run store");
        Path newer = dir.resolve("newer.sqlite");
        Files.copy(goodStore, newer, StandardCopyOption.REPLACE_EXISTING);
        sql(newer, "PRAGMA journal_mode=DELETE", "PRAGMA user_version=99");
        files.put(newer, "newer TwinBench (run store version 99");
        Path garbage = dir.resolve("garbage.sqlite");
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        Files.write(garbage, noise);
        files.put(garbage, "not a TwinBench run store (not an SQLite database)");
        Path text = dir.resolve("notes.sqlite");
        Files.writeString(text, "id,name\n1,Ada\n");
        files.put(text, "not an SQLite database");
        Path zero = dir.resolve("zero.sqlite");
        Files.write(zero, new byte[0]);
        files.put(zero, "not an SQLite database");
        Path truncated = dir.resolve("truncated.sqlite");
        Files.copy(goodStore, truncated, StandardCopyOption.REPLACE_EXISTING);
        sql(truncated, "PRAGMA journal_mode=DELETE");
        byte[] whole = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        files.put(truncated, "truncated.sqlite: ");
        return files;
    }

    @Test
    void readOnlyCommandsRefuseEveryHostileStoreAndLeaveItsBytesAlone() throws Exception {
        for (Map.Entry<Path, String> hostile : hostileFiles().entrySet()) {
            Path file = hostile.getKey();
            byte[] before = Files.readAllBytes(file);
            List<String> siblingsBefore = siblings();
            Path out = dir.resolve("export-" + file.getFileName());
            String[] expected = {file.toString(), hostile.getValue()};
            Refusals.refused(CLASS, expected, "runs", "list", "--store", file.toString());
            Refusals.refused(CLASS, expected, "runs", "list", "--json", "--store", file.toString());
            Refusals.refused(CLASS, expected, "runs", "show", "1", "--store", file.toString());
            Refusals.refused(CLASS, expected, "runs", "export", "1", "--out", out.toString(), "--store",
                    file.toString());
            assertThat(Files.readAllBytes(file)).as("bytes of %s", file).isEqualTo(before);
            assertThat(siblings()).as("no journal, WAL or set-aside file beside %s", file).isEqualTo(siblingsBefore);
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void runRefusesToWriteIntoAForeignOrNewerDatabase() throws Exception {
        Map<Path, String> files = hostileFiles();
        for (Path file : List.of(dir.resolve("other-app.sqlite"), dir.resolve("empty.sqlite").resolveSibling(
                "other-runs.sqlite"), dir.resolve("newer.sqlite"))) {
            byte[] before = Files.readAllBytes(file);
            Path out = dir.resolve("run-" + file.getFileName());
            String expected = files.get(file).startsWith("newer") ? "newer TwinBench" : "not a TwinBench run store";
            Refusals.refused(CLASS, new String[] {file.toString(), expected}, "run", scenario.toString(), "--store",
                    file.toString(), "--out", out.toString(), "--threads", "1");
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void aGoodStoreIsReadWithoutChangingABit() throws IOException {
        Path copy = dir.resolve("copy/runs.sqlite");
        Files.createDirectories(copy.getParent());
        Files.copy(goodStore, copy);
        byte[] before = Files.readAllBytes(copy);
        CliRunner list = CliRunner.run("runs", "list", "--json", "--store", copy.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(Json.MAPPER.readTree(list.out())).hasSize(1);
        CliRunner export = CliRunner.run("runs", "export", "1", "--out", dir.resolve("exported").toString(),
                "--store", copy.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(Files.readAllBytes(copy)).isEqualTo(before);
    }

    private static List<String> siblings() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.contains(".sqlite")).sorted().toList();
        }
    }
}
