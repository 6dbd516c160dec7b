package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.sim.ReliabilityRows;
import org.twinbench.sim.Verdict;
import org.twinbench.stats.ReliabilityBins;

/**
 * A calibration collapse on real data no one here made is named in the headline however many findings rank above
 * it: R's Pima Indians diabetes table (MASS), 40 steps of 50 rows, eight labels in ten reversed from step 20. The
 * outcome share, the fall of accuracy and the model against the majority class come first; the calibration
 * collapse still follows them. Its figures are the run's {@code reliability.csv} pooled over the first and the
 * last tenth (steps 0–3 and 36–39), by pandas:
 * <pre>
 * r = pd.read_csv('reliability.csv')
 * w = r[(r.step &gt;= a) &amp; (r.step &lt; b)].groupby('bin')[['n', 'positives', 'score_sum']].sum()
 * ece = (w.score_sum - w.positives).abs().sum() / w.n.sum()
 * </pre>
 * 0.13626991910351866 and 0.4936350094820901.
 */
class CalibrationCollapseRealDataTest {

    @TempDir
    Path dir;

    @Test
    void labelsThatFlipFromStep20NameTheCollapseInTheHeadline() throws Exception {
        Files.copy(Path.of(getClass().getResource("/rdata/pima.csv").toURI()), dir.resolve("pima.csv"));
        Files.writeString(dir.resolve("pima.twin.json"), """
                {"format":"twinbench.scenario","version":1,"name":"Pima labels flip","seed":11,
                "nodes":[
                {"id":"pima","type":"source.dataset","params":{"path":"pima.csv","batch_size":50,"steps":40,
                  "reference_share":0.5,"split":"shuffled"}},
                {"id":"flip","type":"perturbation.label-noise","params":{"rate":0.8,
                  "schedule":{"kind":"sudden","start":20}}},
                {"id":"m","type":"model.logistic","params":{"target":"diabetes","features":["pregnant","glucose",
                  "pressure","triceps","insulin","mass","pedigree","age"],"positive":"pos"}},
                {"id":"dq","type":"monitor.data-quality","params":{}},
                {"id":"slices","type":"monitor.slice-metrics","params":{"slices":[],"threshold":0.5}}],
                "edges":[{"from":"pima","to":"flip"},{"from":"flip","to":"m"},{"from":"m","to":"dq"},
                  {"from":"m","to":"slices"}]}
                """);
        CliRunner result = CliRunner.run("run", dir.resolve("pima.twin.json").toString(), "--out",
                dir.resolve("out").toString(), "--no-store");
        assertThat(result.exitCode()).as(result.err()).isZero();

        // The run's reliability.csv, pooled by tenth as the verdict pools it.
        ReliabilityRows.Collector collector = new ReliabilityRows.Collector();
        List<String> lines = Files.readAllLines(dir.resolve("out/reliability.csv"));
        assertThat(lines.get(0)).isEqualTo("replicate,step,bin,lower,upper,n,positives,score_sum,mean_score,"
                + "positive_share");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            collector.sink().row(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    Long.parseLong(f[5]), Long.parseLong(f[6]), Double.parseDouble(f[7]));
        }
        double first = Verdict.ece(pooled(collector, 0, 4));
        double last = Verdict.ece(pooled(collector, 36, 40));
        assertThat(first).isCloseTo(0.13626991910351866, within(1e-9));
        assertThat(last).isCloseTo(0.4936350094820901, within(1e-9));

        JsonNode summary = new ObjectMapper().readTree(dir.resolve("out/run.json").toFile()).path("summary");
        String headline = summary.path("headline").asText();
        assertThat(summary.path("verdict").asText()).isEqualTo("red");
        // Three findings rank above it; the collapse is still named, with pandas' figures.
        assertThat(headline).startsWith("Outcome share: ").contains("Also: Accuracy falls by ")
                .contains("The model is not clearly better than always answering 'neg'")
                .contains("Calibration collapses: expected calibration error 0.14 → 0.49.");
        assertThat(headline.indexOf("Calibration collapses")).isGreaterThan(headline.indexOf("not clearly better"));

        // The report people read: the headline's reasons listed at the top, before the first chart; a calibration
        // section and a fairness section (saying how to turn it on when no fairness was measured).
        String report = Files.readString(dir.resolve("out/report.html"));
        int reasons = report.indexOf("<ul class=\"reasons\">");
        assertThat(reasons).isPositive().isLessThan(report.indexOf("<h2>"));
        assertThat(report.substring(reasons, report.indexOf("</ul>", reasons))).contains("Calibration collapses");
        assertThat(report).contains("<h2>Calibration</h2>").contains("<h2>Fairness</h2>");
    }

    private static ReliabilityBins pooled(ReliabilityRows.Collector collector, int from, int to) {
        ReliabilityBins bins = ReliabilityBins.EMPTY;
        for (int step = from; step < to; step++) {
            bins = bins.plus(collector.bins(0, step));
        }
        return bins;
    }
}
