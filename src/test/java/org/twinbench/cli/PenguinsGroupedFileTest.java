package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.DataQuality;
import org.twinbench.data.Dataset;
import org.twinbench.data.FileOrder;
import org.twinbench.data.QualityFinding;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;

/**
 * R's palmer penguins as the package files them (Debian {@code r-cran-palmerpenguins}; {@code rdata/make_data.sh}):
 * every Adelie, then every Gentoo, then every Chinstrap — grouped by the outcome, though not in the order of its
 * letters. Replayed in file order, the reference (the first half) holds Adelie and Gentoo only, which a penguin's
 * flipper length tells apart on 99.4% of the rows: not a leak, a reference cut from a grouped file. pandas and
 * scikit-learn's figures are in {@code rdata/reference.txt} ({@code reference.py}).
 */
class PenguinsGroupedFileTest {

    static final Path PENGUINS = Path.of("src/test/resources/rdata/penguins.csv");
    static final List<String> FEATURES = List.of("island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm",
            "body_mass_g", "sex", "year");

    @TempDir
    Path dir;

    @Test
    void aFileGroupedByItsOutcomeIsSaidToBeSoInTheOrderOfItsBlocks() {
        Dataset penguins = TableLoader.load(PENGUINS);
        // pandas: the species changes down the file only at Adelie -> Gentoo -> Chinstrap.
        FileOrder.Sorted sorted = FileOrder.sortedBy(penguins.frame(), penguins).orElseThrow();
        assertThat(sorted.column()).isEqualTo("species");
        assertThat(sorted.grouped()).isTrue();
        assertThat(sorted.blocks()).containsExactly("Adelie", "Gentoo", "Chinstrap");
        assertThat(sorted.describe()).isEqualTo("species (in blocks: Adelie, then Gentoo, then Chinstrap)");
    }

    @Test
    void theFlipperLengthGivesAwayTheReferencesTwoSpeciesButNotTheFilesThree() {
        Dataset penguins = TableLoader.load(PENGUINS);
        // scikit-learn's DecisionTreeClassifier on the flipper length alone: 0.994152 against a majority of 0.883041
        // on the first 172 rows (two species), 0.815789 against 0.441520 on every row (three).
        List<QualityFinding> reference = DataQuality.leakage(penguins.frame().slice(0, 172), "species", FEATURES,
                Task.MULTICLASS);
        assertThat(reference).extracting(f -> f.columns().get(0)).containsExactly("flipper_length_mm");
        assertThat(reference.get(0).message()).contains("99.4% accuracy, against 88.3% always answering 'Adelie'");
        assertThat(DataQuality.leakage(penguins.frame(), "species", FEATURES, Task.MULTICLASS)).isEmpty();
    }

    @Test
    void aModelTrainedOnAReferenceWithoutEveryClassIsRefusedNamingTheMissingOne() throws Exception {
        Files.copy(PENGUINS, dir.resolve("penguins.csv"));
        Files.writeString(dir.resolve("filed.twin.json"), scenario("""
                {"id":"m","type":"model.logistic","params":{"target":"species","features":["island","bill_length_mm",
                  "bill_depth_mm","flipper_length_mm","body_mass_g","sex"]}},""", ""));
        CliRunner filed = CliRunner.run("run", dir.resolve("filed.twin.json").toString(), "--out",
                dir.resolve("filed").toString(), "--no-store");
        // It was "internal error: IllegalArgumentException: Fits multinomial model on binary class data".
        assertThat(filed.exitCode()).as(filed.err()).isEqualTo(2);
        assertThat(filed.err()).contains("filed.twin.json: node m: the reference rows hold 2 of the 3 classes of"
                + " 'species' (never 'Chinstrap'), so a model trained on them could never answer it: if the file is"
                + " grouped by its outcome, set the source's split to shuffled").doesNotContain("internal error")
                .doesNotContain("Exception");
        assertThat(dir.resolve("filed")).doesNotExist();
    }

    @Test
    void aReplayInFileOrderLeadsWithThePriorShiftAndCallsNoFeatureLeaked() throws Exception {
        Files.copy(PENGUINS, dir.resolve("penguins.csv"));
        CliRunner trained = CliRunner.run("train", "--data", dir.resolve("penguins.csv").toString(), "--target",
                "species", "--out", dir.resolve("species.twinmodel").toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        String model = """
                {"id":"m","type":"model.bundle","params":{"path":"species.twinmodel"}},""";
        Files.writeString(dir.resolve("filed.twin.json"), scenario(model, ""));
        CliRunner filed = CliRunner.run("run", dir.resolve("filed.twin.json").toString(), "--out",
                dir.resolve("filed").toString(), "--no-store");
        assertThat(filed.exitCode()).as(filed.err()).isZero();
        assertThat(filed.err()).contains("penguins.csv is sorted by species (in blocks: Adelie, then Gentoo, then"
                + " Chinstrap)").contains("Set the source's split to shuffled").doesNotContain("almost perfectly");
        JsonNode run = new ObjectMapper().readTree(dir.resolve("filed/run.json").toFile());
        assertThat(run.has("leaked_columns")).isFalse();
        String headline = run.path("summary").path("headline").asText();
        assertThat(run.path("summary").path("verdict").asText()).as(headline).isEqualTo("amber");
        // No Adelie at all is replayed after the reference (88% Adelie): the first batch already says so.
        assertThat(headline).startsWith("Outcome share: 0% 'Adelie' in the 40 labels that arrived, against 88% in the"
                + " reference: a prior shift; if the file is sorted by its outcome, set the source's split to shuffled"
                + " or replay it by a time column from step 0.").doesNotContain("Optimistic");
        assertThat(filed.out()).contains("AMBER: Outcome share: 0% 'Adelie'");

        // Shuffled, reference and replay hold the same population: no prior shift, no note about the order.
        Files.writeString(dir.resolve("shuffled.twin.json"), scenario(model, ",\"split\":\"shuffled\""));
        CliRunner shuffled = CliRunner.run("run", dir.resolve("shuffled.twin.json").toString(), "--out",
                dir.resolve("shuffled").toString(), "--no-store");
        assertThat(shuffled.exitCode()).as(shuffled.err()).isZero();
        assertThat(shuffled.err()).doesNotContain("sorted by species");
        JsonNode same = new ObjectMapper().readTree(dir.resolve("shuffled/run.json").toFile());
        assertThat(same.path("summary").path("headline").asText()).doesNotContain("Outcome share")
                .doesNotContain("Optimistic");
    }

    private static String scenario(String model, String split) {
        return """
                {"format":"twinbench.scenario","version":1,"name":"Penguins as filed","seed":3,
                "nodes":[
                {"id":"colony","type":"source.dataset","params":{"path":"penguins.csv","batch_size":40,"steps":30
                  SPLIT}},
                MODEL
                {"id":"slices","type":"monitor.slice-metrics","params":{"slices":["island"]}}],
                "edges":[{"from":"colony","to":"m"},{"from":"m","to":"slices"}]}
                """.replace("SPLIT", split).replace("MODEL", model);
    }
}
