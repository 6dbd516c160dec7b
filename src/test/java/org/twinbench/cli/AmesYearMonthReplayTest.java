package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * modeldata's Ames housing (Debian {@code r-cran-modeldata}; nine of its columns in {@code rdata/ames.csv}): each
 * sale is dated by two whole numbers, {@code Year_Sold} and {@code Mo_Sold}, and the file is in neither order. A
 * replay by {@code Year_Sold} alone kept each year's months in the file's order, silently; a month window was refused
 * ("holds numbers, not dates"). With {@code month_column} the sales replay month by month. Expected figures from
 * pandas ({@code d[d.Year_Sold >= 2008].groupby(['Year_Sold', 'Mo_Sold']).size()}): 31 months from January 2008 to
 * July 2010, 29, 28, 35, … 82, 8 sales; 1,319 sales before 2008.
 */
class AmesYearMonthReplayTest {

    static final int[] SALES = {29, 28, 35, 61, 83, 108, 101, 51, 35, 30, 34, 27, 19, 27, 45, 48, 69, 112, 110, 62, 45,
        53, 37, 21, 26, 26, 48, 72, 79, 82, 8};

    @TempDir
    Path dir;

    @BeforeEach
    void trainOnAmes() throws Exception {
        Files.copy(Path.of("src/test/resources/rdata/ames.csv"), dir.resolve("ames.csv"));
        CliRunner train = CliRunner.run("train", "--data", dir.resolve("ames.csv").toString(), "--target",
                "Sale_Price", "--out", dir.resolve("ames.twinmodel").toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
    }

    private CliRunner run(String sourceParams) throws Exception {
        Files.writeString(dir.resolve("ames.twin.json"), """
                {"format":"twinbench.scenario","version":1,"name":"Ames sales","seed":3,
                "nodes":[
                {"id":"sales","type":"source.dataset","params":{"path":"ames.csv",%s,"steps":200}},
                {"id":"m","type":"model.bundle","params":{"path":"ames.twinmodel"}},
                {"id":"slices","type":"monitor.slice-metrics","params":{"slices":["Bldg_Type"]}}],
                "edges":[{"from":"sales","to":"m"},{"from":"m","to":"slices"}]}
                """.formatted(sourceParams));
        return CliRunner.run("run", dir.resolve("ames.twin.json").toString(), "--out", dir.resolve("out").toString(),
                "--no-store");
    }

    @Test
    void salesReplayMonthByMonthFromTheirYearAndMonthColumns() throws Exception {
        CliRunner run = run("""
                "time_column":"Year_Sold","month_column":"Mo_Sold","window":"month","reference_until":"2008-01-01\"""");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("the data runs out after 31 steps");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/run.json").toFile());
        List<String> starts = new ArrayList<>();
        json.get("window_starts").forEach(s -> starts.add(s.asText()));
        List<String> expected = new ArrayList<>();
        for (int m = 0; m < SALES.length; m++) {
            expected.add(String.format("%d-%02d-01", 2008 + m / 12, m % 12 + 1));
        }
        assertThat(starts).isEqualTo(expected);
        int[] rows = new int[SALES.length];
        for (String line : Files.readAllLines(dir.resolve("out/steps.csv"))) {
            String[] cell = line.split(",");
            if (cell[0].equals("0") && cell[2].equals("overall") && cell[3].equals("n")) {
                rows[Integer.parseInt(cell[1])] = (int) Double.parseDouble(cell[4]);
            }
        }
        assertThat(rows).containsExactly(SALES);
    }

    @Test
    void aMonthWindowOnYearsAloneIsRefusedNamingTheMonthColumn() throws Exception {
        CliRunner run = run("""
                "time_column":"Year_Sold","window":"month\"""");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("node sales: time_column 'Year_Sold' holds numbers, not dates")
                .contains("it holds years and 'Mo_Sold' holds their months: set month_column to 'Mo_Sold' to replay"
                        + " by year and month").doesNotContain("Exception");
        CliRunner validate = CliRunner.run("validate", dir.resolve("ames.twin.json").toString());
        assertThat(validate.exitCode()).isNotZero();
        assertThat(validate.out() + validate.err()).contains("set month_column to 'Mo_Sold'");
    }

    @Test
    void aReplayByYearsAloneSaysTheMonthsKeepTheFilesOrder() throws Exception {
        CliRunner run = run("""
                "time_column":"Year_Sold\"""");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("node sales: time_column 'Year_Sold' holds years, so the rows of one year"
                + " replay in the file's order; set month_column to 'Mo_Sold' to replay them month by month");
    }

    @Test
    void aMonthOutsideOneToTwelveIsNamedWithItsRow() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("ames.csv")));
        // Columns: Neighborhood,Bldg_Type,Overall_Cond,Year_Built,Lot_Area,Gr_Liv_Area,Mo_Sold,Year_Sold,Sale_Price
        String[] cells = lines.get(5).split(",");
        cells[6] = "13";
        lines.set(5, String.join(",", cells));
        Files.write(dir.resolve("ames.csv"), lines);
        CliRunner run = run("""
                "time_column":"Year_Sold","month_column":"Mo_Sold","window":"quarter\"""");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("node sales: month_column 'Mo_Sold' row 5 holds 13, not a month (1 to 12)")
                .doesNotContain("Exception");
        CliRunner week = run("""
                "time_column":"Year_Sold","month_column":"Mo_Sold","window":"week\"""");
        assertThat(week.exitCode()).isEqualTo(2);
        assertThat(week.err()).contains("window 'week': a year and a month (Year_Sold, Mo_Sold) name no day; use"
                + " window month or quarter");
    }

    /**
     * A linear regression trained in the scenario ({@code model.linear}) on the sales before 2008, replayed by quarter:
     * each quarter's rows and mean absolute error equal scikit-learn's {@code Ridge(alpha=1)} on the same rows
     * ({@code rdata/ames_ridge.py}, {@code ames_ridge.json}). A target of classes is refused, naming the node.
     */
    @Test
    void aLinearRegressionTrainedInTheScenarioIsScikitLearnsRidge() throws Exception {
        String source = """
                {"id":"sales","type":"source.dataset","params":{"path":"ames.csv","time_column":"Year_Sold",
                  "month_column":"Mo_Sold","window":"quarter","reference_until":"2008-01-01","steps":200}},""";
        Files.writeString(dir.resolve("linear.twin.json"), """
                {"format":"twinbench.scenario","version":1,"name":"Ames sales, linear","seed":3,"nodes":[%s
                {"id":"m","type":"model.linear","params":{"target":"%s","features":["Neighborhood","Bldg_Type",
                  "Year_Built","Lot_Area","Gr_Liv_Area"]}},
                {"id":"slices","type":"monitor.slice-metrics","params":{"slices":["Bldg_Type"]}}],
                "edges":[{"from":"sales","to":"m"},{"from":"m","to":"slices"}]}
                """.formatted(source, "Sale_Price"));
        CliRunner run = CliRunner.run("run", dir.resolve("linear.twin.json").toString(), "--out",
                dir.resolve("linear").toString(), "--no-store");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode sklearn = new ObjectMapper().readTree(Path.of("src/test/resources/rdata/ames_ridge.json").toFile());
        int quarters = sklearn.get("rows").size();
        double[] rows = new double[quarters];
        double[] mae = new double[quarters];
        for (String line : Files.readAllLines(dir.resolve("linear/steps.csv"))) {
            String[] cell = line.split(",");
            if (cell[0].equals("0") && cell[2].equals("overall") && (cell[3].equals("n") || cell[3].equals("mae"))) {
                (cell[3].equals("n") ? rows : mae)[Integer.parseInt(cell[1])] = Double.parseDouble(cell[4]);
            }
        }
        for (int q = 0; q < quarters; q++) {
            assertThat(rows[q]).as("rows of quarter %d", q).isEqualTo(sklearn.get("rows").get(q).asDouble());
            assertThat(mae[q]).as("MAE of quarter %d", q)
                    .isCloseTo(sklearn.get("mae").get(q).asDouble(), org.assertj.core.data.Percentage.withPercentage(1e-7));
        }
        Files.writeString(dir.resolve("classes.twin.json"), Files.readString(dir.resolve("linear.twin.json"))
                .replace("\"target\":\"Sale_Price\"", "\"target\":\"Bldg_Type\""));
        CliRunner classes = CliRunner.run("validate", dir.resolve("classes.twin.json").toString());
        assertThat(classes.exitCode()).isEqualTo(2);
        assertThat(classes.out() + classes.err()).contains("node m (model.linear) parameter target: target 'Bldg_Type'"
                + " holds 5 classes, not amounts; a linear regression predicts amounts: use a Logistic regression node"
                + " (model.logistic) for classes");
    }
}
