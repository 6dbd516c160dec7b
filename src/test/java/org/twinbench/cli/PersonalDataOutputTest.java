package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column where three values in four are e-mail addresses (the rest "unknown"), and a column
 * named {@code email}: every output path shows them masked — {@code score}'s file, {@code metrics}
 * slices (text and JSON), and a run's steps.csv, run.json, report.html and run store.
 */
class PersonalDataOutputTest {

    @TempDir
    Path dir;

    /** Row i's address: a person (names of different lengths) at one of two domains, or "unknown" every fourth row. */
    private static String contact(int i) {
        return i % 4 == 3 ? "unknown" : "customer" + "z".repeat(i % 5) + i + "@" + (i % 2 == 0 ? "example.com" : "mail.org");
    }

    private static void assertNoAddress(String text, String where) {
        assertThat(text).as(where).doesNotContainPattern("customerz*\\d+@").doesNotContain("customer1@");
    }

    @Test
    void scoreMasksAColumnOfThreeQuartersAddresses() throws IOException {
        List<String> loans = Files.readAllLines(Path.of("sample-data", "loans.csv")).subList(0, 601);
        Path train = dir.resolve("train.csv");
        Files.write(train, loans);
        Path model = dir.resolve("m.twinmodel");
        assertThat(CliRunner.run("train", "--data", train.toString(), "--target", "defaulted", "--out",
                model.toString()).exitCode()).isZero();
        List<String> rows = new ArrayList<>();
        rows.add(loans.get(0) + ",contact");
        for (int i = 1; i < loans.size(); i++) {
            rows.add(loans.get(i) + "," + contact(i));
        }
        Path data = dir.resolve("with-contact.csv");
        Files.write(data, rows);
        Path out = dir.resolve("scored.csv");
        CliRunner score = CliRunner.run("score", "--model", model.toString(), "--data", data.toString(), "--out",
                out.toString());
        assertThat(score.exitCode()).as(score.err()).isZero();
        assertThat(score.err()).contains("masked personal data in [contact]");
        String written = Files.readString(out);
        assertNoAddress(written, "scored.csv");
        assertThat(written).contains(",c***@example.com,", ",c***@mail.org,", ",***,");
    }

    @Test
    void metricsSlicesByAnEmailColumnShowOnlyMasks() throws IOException {
        Random random = new Random(4);
        List<String> rows = new ArrayList<>(List.of("label,score,email,region"));
        for (int i = 0; i < 400; i++) {
            rows.add(random.nextInt(2) + "," + random.nextDouble() + "," + contact(i).replace("unknown", "") + ","
                    + (i % 3 == 0 ? "north" : "south"));
        }
        Path data = dir.resolve("scored.csv");
        Files.write(data, rows);
        for (String format : List.of("--json", "--reliability")) {
            CliRunner metrics = CliRunner.run("metrics", "--data", data.toString(), "--label", "label", "--score", "score",
                    "--slice", "email", "--intersect", "email,region", format);
            assertThat(metrics.exitCode()).as(metrics.err()).isZero();
            assertNoAddress(metrics.out() + metrics.err(), "metrics " + format);
            assertThat(metrics.out()).contains("c***@example.com", "c***@mail.org", "c***@example.com&north");
        }
    }

    @Test
    void aRunSlicedByAMostlyAddressColumnWritesOnlyMasks() throws IOException {
        List<String> loans = Files.readAllLines(Path.of("sample-data", "loans.csv")).subList(0, 3001);
        List<String> rows = new ArrayList<>();
        rows.add(loans.get(0) + ",contact");
        for (int i = 1; i < loans.size(); i++) {
            rows.add(loans.get(i) + "," + contact(i));
        }
        Files.write(dir.resolve("loans.csv"), rows);
        String json = Files.readString(Path.of("sample-data", "loans-recession.twin.json"))
                .replace("\"slices\" : [ \"region\" ]", "\"slices\" : [ \"contact\" ]");
        assertThat(json).contains("\"contact\"");
        Path scenario = dir.resolve("by-contact.twin.json");
        Files.writeString(scenario, json);
        Path out = dir.resolve("out");
        Path store = dir.resolve("runs.sqlite");
        CliRunner run = CliRunner.run("run", scenario.toString(), "--steps", "6", "--store", store.toString(), "--out",
                out.toString(), "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        assertThat(Files.readString(out.resolve("steps.csv"))).contains("contact=c***@example.com", "contact=***");
        for (String file : List.of("steps.csv", "run.json", "report.html", "alarms.csv")) {
            assertNoAddress(Files.readString(out.resolve(file)), file);
        }
        for (Path file : List.of(store, dir.resolve("runs.sqlite-wal"))) {
            if (Files.exists(file)) {
                assertNoAddress(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), file.toString());
            }
        }
    }
}
