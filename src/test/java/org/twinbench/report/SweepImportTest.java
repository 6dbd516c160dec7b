package org.twinbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.cli.TwinBenchCommand;
import org.twinbench.data.DataException;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.store.RunStore;
import picocli.CommandLine;

/** A sweep folder written by {@code twinbench sweep}, imported into the run store point by point. */
class SweepImportTest {

    @TempDir
    static Path dir;

    static Path sweep;

    @BeforeAll
    static void sweep() throws IOException {
        SampleData.writeLoans(dir.resolve("loans.csv"), 3000, 4);
        Path scenario = dir.resolve("loans.twin.json");
        Files.writeString(scenario, ScenarioFormat.toJson(SampleScenarios.loansRecessionWithRetraining(4)));
        Path grid = dir.resolve("grid.json");
        Files.writeString(grid, "{\"recession.scale\": [1.0, 0.3]}");
        sweep = dir.resolve("sweep");
        CommandLine cli = TwinBenchCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("sweep", scenario.toString(), "--grid", grid.toString(), "--replicates", "2",
                "--steps", "30", "--threads", "2", "--out", sweep.toString())).as(err.toString()).isZero();
    }

    @Test
    void everyPointBecomesAStoredRunWhoseExportIsThePointsFiles() throws IOException {
        Path store = dir.resolve("runs.sqlite");
        List<SweepImport.Imported> imported = SweepImport.into(store, sweep);
        assertThat(imported).hasSize(2);
        assertThat(imported.get(1).name()).contains("point-0001", "recession.scale=0.3");
        try (RunStore runs = RunStore.open(store)) {
            assertThat(runs.list()).extracting(RunStore.StoredRun::id)
                    .containsExactlyInAnyOrder(imported.get(0).runId(), imported.get(1).runId());
            RunStore.StoredRun second = runs.find(imported.get(1).runId()).orElseThrow();
            assertThat(second.replicates()).isEqualTo(2);
            assertThat(second.steps()).isEqualTo(30);
            for (int point = 0; point < 2; point++) {
                Path export = dir.resolve("export-" + point);
                RunFiles.export(runs, imported.get(point).runId(), export);
                Path original = SweepFiles.pointDir(sweep, point);
                assertThat(Files.readString(export.resolve("steps.csv")))
                        .isEqualTo(Files.readString(original.resolve("steps.csv")));
                assertThat(Files.readString(export.resolve("alarms.csv")))
                        .isEqualTo(Files.readString(original.resolve("alarms.csv")));
                assertThat(Files.readString(export.resolve("run.json")))
                        .isEqualTo(Files.readString(original.resolve("run.json")));
                // The point's scenario is stored with its value applied.
                assertThat(ScenarioFormat.parse(Files.readString(export.resolve("scenario.twin.json")), "stored")
                        .node("recession").orElseThrow().number("scale", 0)).isEqualTo(point == 0 ? 1.0 : 0.3);
            }
            // Not a vacuous comparison: the deep recession triggers retraining, so alarms.csv has rows.
            assertThat(Files.readAllLines(SweepFiles.pointDir(sweep, 1).resolve("alarms.csv"))).hasSizeGreaterThan(1);
            assertThat(runs.alarms(imported.get(1).runId())).isNotEmpty();
        }
    }

    @Test
    void importingTheSameSweepAgainStoresNothingNew() {
        Path store = dir.resolve("again.sqlite");
        List<SweepImport.Imported> first = SweepImport.into(store, sweep);
        List<SweepImport.Imported> second = SweepImport.into(store, sweep);
        assertThat(first).extracting(SweepImport.Imported::alreadyStored).containsOnly(false);
        assertThat(second).extracting(SweepImport.Imported::alreadyStored).containsOnly(true);
        assertThat(second).extracting(SweepImport.Imported::runId)
                .containsExactlyElementsOf(first.stream().map(SweepImport.Imported::runId).toList());
        assertThat(second).extracting(SweepImport.Imported::name)
                .containsExactlyElementsOf(first.stream().map(SweepImport.Imported::name).toList());
        try (RunStore runs = RunStore.open(store)) {
            assertThat(runs.list()).hasSize(2);
        }
    }

    @Test
    void aFolderThatIsNotASweepIsRefusedByName() {
        assertThatThrownBy(() -> SweepImport.into(dir.resolve("runs2.sqlite"), dir))
                .isInstanceOf(DataException.class).hasMessage(dir + ": not a sweep's results (no sweep.csv); "
                        + "choose the folder given to 'twinbench sweep --out'");
    }

    @Test
    void aBrokenStepsRowIsNamedByFileAndLine() {
        assertThatThrownBy(() -> RunFolder.read("replicate,step,slice,metric,value\n0,0,overall,n,500\n0,x,overall,n,1\n",
                "replicate,step,node,kind,detail\n", "point-0002/steps.csv"))
                .isInstanceOf(DataException.class)
                .hasMessage("point-0002/steps.csv: line 3: expected a whole number, not 'x'");
        assertThatThrownBy(() -> RunFolder.read("replicate,step,slice,metric,value\n0,0,overall,n,500\n",
                "replicate,step,node,kind,detail\n0,4,retrain,retrain,\"drift, then \"\"retrain\"\"\"\n",
                "point-0002/steps.csv"))
                .hasMessage("point-0002/alarms.csv: line 2: no step 4 of replicate 0 in steps.csv");
    }

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaksReadBack() {
        assertThat(RunFolder.csv("a,\"b, \"\"c\"\"\nd\",\n1,2,3\r\n", "f.csv"))
                .containsExactly(List.of("a", "b, \"c\"\nd", ""), List.of("1", "2", "3"));
    }
}
