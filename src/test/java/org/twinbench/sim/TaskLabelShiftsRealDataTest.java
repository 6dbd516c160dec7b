package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.perturb.PerturbationFactory;

/**
 * The prior shift and the backdoor of multiclass and regression models on real public data, against pandas'
 * figures (sample-data/scripts/label_shifts_real_reference.py): scikit-learn's wine set, its class mix moved to
 * class_0 at 0.6 over 100 seeded batches of its 178 rows — the shares within 4 standard errors of the stated
 * ones, and each class's mean alcohol still pandas' (P(x | class) kept); a backdoor relabelling a fifth of the
 * rows class_2; and scikit-learn's diabetes set, whose triggered amounts move by exactly 2 of its standard
 * deviations.
 */
class TaskLabelShiftsRealDataTest {

    private static final Path ENGINE = Path.of("src/test/resources/tasks/engine");
    private static final List<String> CULTIVARS = List.of("class_0", "class_1", "class_2");
    private static final int BATCHES = 100;

    private static JsonNode expected() throws Exception {
        return new ObjectMapper().readTree(ENGINE.resolve("label-shifts-real-expected.json").toFile());
    }

    @Test
    void wineMovesToTheStatedClassMixKeepingEachClassesAlcohol() throws Exception {
        Frame wine = TableLoader.load(ENGINE.resolve("wine-replay.csv")).frame();
        JsonNode want = expected().get("wine");
        LabelCodec codec = new LabelCodec("cultivar", "", "", Task.MULTICLASS, CULTIVARS, Double.NaN);
        var shift = PerturbationFactory.create(new ScenarioNode("shift", NodeCatalog.PRIOR_SHIFT,
                Map.of("class_shares", "class_0:0.6"), 0, 0), wine, codec);
        double[] count = new double[3];
        double[] alcohol = new double[3];
        int n = 0;
        for (int b = 0; b < BATCHES; b++) {
            Frame out = shift.apply(wine, b, new SplittableRandom(100 + b));
            for (int i = 0; i < out.rowCount(); i++) {
                int c = CULTIVARS.indexOf(out.categorical("cultivar").get(i));
                count[c]++;
                alcohol[c] += out.numeric("alcohol").get(i);
                n++;
            }
        }
        assertThat(n).isEqualTo(BATCHES * 178);
        // class_0 at 0.6; the rest keep their ratio (71 : 48 of the other 0.4).
        double[] shares = {0.6, 0.4 * 71 / 119, 0.4 * 48 / 119};
        for (int c = 0; c < 3; c++) {
            JsonNode cls = want.get(CULTIVARS.get(c));
            assertThat(count[c] / n).as(CULTIVARS.get(c)).isCloseTo(shares[c],
                    within(4 * Math.sqrt(shares[c] * (1 - shares[c]) / n)));
            // Drawn from the class's own 59, 71 or 48 rows: its mean alcohol is pandas', within 4 standard errors.
            assertThat(alcohol[c] / count[c]).as(CULTIVARS.get(c)).isCloseTo(cls.get("alcohol_mean").asDouble(),
                    within(4 * cls.get("alcohol_sd").asDouble() / Math.sqrt(count[c])));
        }
        assertThat(want.get("class_1").get("n").asInt()).isEqualTo(71);
        assertThat(want.get("class_2").get("n").asInt()).isEqualTo(48);
    }

    @Test
    void wineBackdoorRelabelsTheTriggeredRowsAsTheTargetClass() throws Exception {
        Frame wine = TableLoader.load(ENGINE.resolve("wine-replay.csv")).frame();
        LabelCodec codec = new LabelCodec("cultivar", "", "", Task.MULTICLASS, CULTIVARS, Double.NaN);
        var backdoor = PerturbationFactory.create(new ScenarioNode("shift", NodeCatalog.POISONING, Map.of("mode",
                "backdoor", "trigger_column", "magnesium", "trigger_value", 999.0, "rate", 0.2, "target_class",
                "class_2"), 0, 0), wine, codec);
        int triggered = 0;
        int n = 0;
        for (int b = 0; b < BATCHES; b++) {
            Frame out = backdoor.apply(wine, b, new SplittableRandom(300 + b));
            for (int i = 0; i < out.rowCount(); i++, n++) {
                boolean trigger = out.numeric("magnesium").get(i) == 999.0;
                triggered += trigger ? 1 : 0;
                assertThat(out.categorical("cultivar").get(i))
                        .isEqualTo(trigger ? "class_2" : wine.categorical("cultivar").get(i));
            }
        }
        assertThat(triggered / (double) n).isCloseTo(0.2, within(4 * Math.sqrt(0.2 * 0.8 / n)));
    }

    @Test
    void diabetesBackdoorMovesTriggeredAmountsByTwoOfItsDeviations() throws Exception {
        Frame diabetes = TableLoader.load(ENGINE.resolve("diabetes-replay.csv")).frame();
        JsonNode want = expected().get("diabetes");
        double sd = want.get("target_sd").asDouble();
        LabelCodec codec = new LabelCodec("target", "", "", Task.REGRESSION, List.of(), sd);
        var backdoor = PerturbationFactory.create(new ScenarioNode("shift", NodeCatalog.POISONING, Map.of("mode",
                "backdoor", "trigger_column", "bmi", "trigger_value", -1.0, "rate", 0.1, "amount_shift", 2.0), 0, 0),
                diabetes, codec);
        int triggered = 0;
        int n = 0;
        for (int b = 0; b < BATCHES; b++) {
            Frame out = backdoor.apply(diabetes, b, new SplittableRandom(500 + b));
            for (int i = 0; i < out.rowCount(); i++, n++) {
                boolean trigger = out.numeric("bmi").get(i) == -1.0;
                triggered += trigger ? 1 : 0;
                assertThat(out.numeric("target").get(i) - diabetes.numeric("target").get(i))
                        .isCloseTo(trigger ? 2 * sd : 0, within(1e-9));
            }
        }
        assertThat(n).isEqualTo(BATCHES * want.get("n").asInt());
        assertThat(triggered / (double) n).isCloseTo(0.1, within(4 * Math.sqrt(0.1 * 0.9 / n)));
    }
}
