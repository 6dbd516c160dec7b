package org.twinbench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.cli.CliRunner;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.ui.results.LiveChartsViewModel;
import org.twinbench.ui.results.SliceRow;

/**
 * A scenario that slices by an e-mail column: the addresses become slice names, and slice names go
 * everywhere (steps.csv, run.json, report.html, the run store, the window's slice table). None of
 * them may carry an address in clear; each shows the masked form ({@code a***@example.com}).
 */
class PersonalSlicesTest {

    private static final String[] PEOPLE = {"alice.smith", "bob.jones", "carol.white", "dave.brown"};
    private static final String[] DOMAINS = {"example.com", "mail.example.org"};

    @TempDir
    static Path dir;

    static Path scenario;
    static final Set<String> ADDRESSES = new TreeSet<>();

    @BeforeAll
    static void emailSlicedScenario() throws IOException {
        List<String> loans = Files.readAllLines(Path.of("sample-data", "loans.csv")).subList(0, 4001);
        List<String> rows = new ArrayList<>();
        rows.add(loans.get(0) + ",email");
        for (int i = 1; i < loans.size(); i++) {
            String address = PEOPLE[i % PEOPLE.length] + (i % 3) + "@" + DOMAINS[i % DOMAINS.length];
            ADDRESSES.add(address);
            rows.add(loans.get(i) + "," + address);
        }
        Files.write(dir.resolve("loans.csv"), rows);
        String json = Files.readString(Path.of("sample-data", "loans-recession.twin.json"))
                .replace("\"slices\" : [ \"region\" ]", "\"slices\" : [ \"email\" ]");
        assertThat(json).contains("\"email\"");
        scenario = dir.resolve("by-email.twin.json");
        Files.writeString(scenario, json);
    }

    private static void assertNoAddress(String text, String where) {
        for (String address : ADDRESSES) {
            assertThat(text).as(where).doesNotContain(address);
        }
        for (String person : PEOPLE) {
            assertThat(text).as(where).doesNotContain(person);
        }
    }

    @Test
    void filesReportAndRunStoreShowOnlyMaskedAddresses() throws IOException {
        Path out = dir.resolve("out");
        Path store = dir.resolve("runs.sqlite");
        CliRunner run = CliRunner.run("run", scenario.toString(), "--steps", "12", "--store", store.toString(), "--out",
                out.toString(), "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        String steps = Files.readString(out.resolve("steps.csv"));
        // Row i is person i % 4 at domain i % 2: alice and carol at example.com, bob and dave at
        // mail.example.org; the twelve addresses mask to four slices.
        assertThat(steps).contains("email=a***@example.com", "email=b***@mail.example.org",
                "email=c***@example.com", "email=d***@mail.example.org");
        for (String file : List.of("steps.csv", "run.json", "report.html", "alarms.csv")) {
            assertNoAddress(Files.readString(out.resolve(file)), file);
        }
        Path exported = dir.resolve("exported");
        assertThat(CliRunner.run("runs", "export", "1", "--store", store.toString(), "--out", exported.toString())
                .exitCode()).isZero();
        assertNoAddress(Files.readString(exported.resolve("steps.csv")), "steps.csv from the run store");
        assertNoAddress(CliRunner.run("runs", "show", "1", "--store", store.toString()).out(), "runs show");
    }

    @Test
    void theWindowsSliceTableShowsOnlyMaskedAddresses() {
        SimulationPlan plan = ScenarioCompiler.compile(ScenarioFormat.read(scenario), dir, new RunListener() { });
        RunOutcome outcome = Experiment.run(plan.withSteps(8), 1, 1, new RunListener() { }, new RunControl());
        LiveChartsViewModel charts = new LiveChartsViewModel(Runnable::run, Runnable::run);
        charts.accept(outcome.replicates().get(0));
        charts.flush();
        List<String> slices = charts.rows().stream().map(SliceRow::slice).toList();
        assertThat(slices).contains("email=a***@example.com", "email=d***@mail.example.org");
        assertNoAddress(String.join("\n", slices) + String.join("\n", charts.slices()), "slice table");
    }
}
