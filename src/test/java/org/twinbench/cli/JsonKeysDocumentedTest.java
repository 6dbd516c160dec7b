package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.testing.SmallLoans;

/**
 * Every key the commands print with {@code --json} is named in {@code docs/cli.md}: the commands run
 * in-process on small inputs that bring out their optional keys (notes, new categories, fairness,
 * intervals, reliability, evaluation, gates), and each key must appear there as {@code `key`} or
 * {@code "key"}. Keys that are data (series names under {@code means}, swept parameters under
 * {@code values} and {@code point}) are not keys of the contract and are skipped.
 */
class JsonKeysDocumentedTest {

    private static final Set<String> DATA_KEYED = Set.of("means", "values", "point");

    private final Set<String> keys = new TreeSet<>();

    private void collect(String json) throws IOException {
        collect(new ObjectMapper().readTree(json));
    }

    private void collect(JsonNode node) {
        if (node.isArray()) {
            node.forEach(this::collect);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                keys.add(field.getKey());
                if (!DATA_KEYED.contains(field.getKey())) {
                    collect(field.getValue());
                }
            }
        }
    }

    private String json(String... args) {
        CliRunner result = CliRunner.run(args);
        assertThat(result.exitCode()).as("%s: %s", String.join(" ", args), result.err()).isZero();
        return result.out();
    }

    @Test
    void everyJsonKeyOfEveryCommandIsInTheCliDocument(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ref.csv"), "x,c,mixed\n1,a,1\n2,a,2\n3,b,3\n4,b,4\n5,old,5\n");
        Files.writeString(dir.resolve("cur.csv"), "x,c,mixed\n3,a,p\n4,new,q\n5,b,r\n6,b,s\n");
        collect(json("drift", "--reference", dir.resolve("ref.csv").toString(), "--current",
                dir.resolve("cur.csv").toString(), "--correction", "bh", "--json"));
        collect(json("quality", "--data", QualityCommandTest.FLIPPED, "--json"));
        Path robust = dir.resolve("robust.twinmodel");
        json("train", "--data", QualityCommandTest.FLIPPED, "--out", robust.toString());
        collect(json("robustness", "--model", robust.toString(), "--data", QualityCommandTest.FLIPPED, "--max-shift",
                "0.5", "--json"));
        Files.writeString(dir.resolve("amounts.csv"), "x,price\n1,2.5\n2,3.75\n3,4.5\n4,7.25\n");
        collect(json("quality", "--data", dir.resolve("amounts.csv").toString(), "--target", "price", "--json"));
        for (String method : new String[] {"domain-classifier", "reconstruction"}) {
            collect(json("drift", "--reference", MultivariateDriftCommandTest.REFERENCE, "--current",
                    MultivariateDriftCommandTest.CURRENT, "--columns", "mean_radius,worst_radius",
                    "--multivariate=" + method, "--json"));
        }

        StringBuilder scored = new StringBuilder("label,score,region,age\n");
        for (int i = 0; i < 40; i++) {
            scored.append(i % 3 == 0 ? "yes" : "no").append(',').append((i * 7 % 40) / 40.0).append(',')
                    .append(i % 2 == 0 ? "north" : "south").append(',').append(18 + i).append('\n');
        }
        Files.writeString(dir.resolve("scored.csv"), scored);
        collect(json("metrics", "--data", dir.resolve("scored.csv").toString(), "--label", "label", "--score", "score",
                "--slice", "region", "--slice", "age", "--bins", "2", "--intersect", "region,age", "--bootstrap", "5",
                "--reliability", "--json"));

        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            values.append(i < 200 ? (i % 10 == 0 ? 1 : 0) : (i % 2)).append('\n');
        }
        Files.writeString(dir.resolve("errors.txt"), values);
        collect(json("detect", "--detector", "ddm", "--input", dir.resolve("errors.txt").toString(),
                "--change-points", "200", "--max-delay", "100", "--json"));

        Path scenario = SmallLoans.scenario(dir, "loans.twin.json",
                SampleScenarios.all(1).get("loans-recession.twin.json"), 3);
        Path model = dir.resolve("m.twinmodel");
        collect(json("train", "--data", dir.resolve("loans.csv").toString(), "--target", "defaulted", "--out",
                model.toString(), "--json"));
        collect(json("score", "--model", model.toString(), "--data", dir.resolve("loans.csv").toString(), "--out",
                dir.resolve("scored-loans.csv").toString(), "--json"));

        Path store = dir.resolve("runs.sqlite");
        collect(json("run", scenario.toString(), "--out", dir.resolve("run").toString(), "--store", store.toString(),
                "--assert", "count(alarms) <= 1000", "--json"));
        collect(json("runs", "--store", store.toString(), "list", "--json"));
        collect(json("run", scenario.toString(), "--out", dir.resolve("sweep").toString(), "--no-store", "--steps",
                "2", "--sweep", "recession.scale=0.9,0.7", "--json"));

        String cli = Files.readString(Path.of("docs/cli.md"));
        assertThat(keys).as("keys printed").contains("note", "new_categories", "fairness", "ci", "reliability",
                "evaluation", "assertions", "status", "accuracy_mean");
        assertThat(keys.stream().filter(key -> !cli.contains("`" + key + "`") && !cli.contains("\"" + key + "\"")))
                .as("JSON keys missing from docs/cli.md").isEmpty();
    }
}
