package org.twinbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Task;
import org.twinbench.sim.whatif.FairnessWords;
import org.twinbench.sim.whatif.GroupCounts;
import org.twinbench.sim.whatif.GroupFairness;
import org.twinbench.sim.whatif.WhatIfChange;
import org.twinbench.sim.whatif.WhatIfRun;

/**
 * The wizard's saved report shows the results page's fairness table: per change and group column, the group served
 * worst against the rest — share right and share caught for yes/no, the error and its ratio (also for the size of the
 * amounts) for amounts — with its 95% interval, p and verdict. Known figures: R's carData Salaries (a linear model's
 * salaries by sex and rank) and TitanicSurvival (a logistic model's answers by class and sex), as pandas, statsmodels
 * and scipy give them ({@code sample-data/scripts/group_fairness_reference.py}, {@code whatif/fairness/expected.json}).
 */
class WhatIfReportFairnessTest {

    private static final Path DIR = Path.of("src/test/resources/whatif/fairness");
    private static final WhatIfChange PRICES = new WhatIfChange(WhatIfChange.Kind.PRICES_SHIFT, 1.0);
    private static final WhatIfChange NEW = new WhatIfChange(WhatIfChange.Kind.NEW_CUSTOMERS, 0.5);

    private static List<String[]> rows(String file) throws Exception {
        List<String> lines = Files.readAllLines(DIR.resolve(file));
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
    }

    /** Per group, the answers (or amounts) of the rows: each of {@code groups} a column at its place. */
    private static Map<String, GroupCounts> counts(List<String[]> rows, Map<String, Integer> groups, int truth,
                                                   int answer, boolean amounts) {
        Map<String, GroupCounts> counts = new LinkedHashMap<>();
        for (String[] row : rows) {
            groups.forEach((column, at) -> {
                GroupCounts c = counts.computeIfAbsent(column + "=" + row[at], k -> amounts ? GroupCounts.ofAmounts()
                        : GroupCounts.ofKinds(List.of("no", "yes")));
                if (amounts) {
                    c.addAmount(Double.parseDouble(row[truth]), Double.parseDouble(row[answer]), 0);
                } else {
                    c.addAnswer(Integer.parseInt(row[truth]), Integer.parseInt(row[answer]), 0);
                }
            });
        }
        return counts;
    }

    private static String result(List<GroupFairness> fairness, WhatIfChange change, Task task) {
        WhatIfRun.Result result = new WhatIfRun.Result(List.of(), Map.of(), null, Map.of(), Map.of(), "outcome", "",
                Map.of(), Map.of(), Map.of(change, fairness));
        return WhatIfReport.html("Check", List.of(change), result, task);
    }

    private static String row(String change, JsonNode e, String size, String figure, String interval, String p,
                              String verdict) {
        return "<tr><td>" + change + "</td><td>" + e.get("group").asText().replace('=', ' ') + "</td><td>" + size
                + "</td><td>" + figure + "</td><td>" + interval + "</td><td>" + p + "</td><td>" + verdict + "</td></tr>";
    }

    @Test
    void amountsShowTheErrorAndItsRatioForTheSizeOfTheAmountsAsScipyGivesThem() throws Exception {
        JsonNode e = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile()).get("salaries");
        List<GroupFairness> fairness = GroupFairness.of(counts(rows("salaries.csv"), Map.of("sex", 0, "rank", 1), 2, 3,
                true));
        String html = result(fairness, PRICES, Task.REGRESSION);

        assertThat(html).contains("<h2>How evenly it serves each group</h2>").contains("<tr><th>If…</th><th>"
                + String.join("</th><th>", FairnessWords.HEADERS) + "</th></tr>");
        // Professors: off by 21,637 against 6,939 (3.12 times, 2.64 to 3.68); for their larger salaries 17% of
        // 126,772 against 8% of 87,176, 2.14 times (1.82 to 2.53); p < 0.0001 both, Bonferroni over 3 ranks.
        JsonNode rank = e.get("rank");
        JsonNode scaled = rank.get("scaled");
        assertThat(html).contains(row("Prices or incomes shift", rank, rank.get("rows").asLong() + " rows",
                String.format(Locale.ROOT, "off by %,.0f against %,.0f; %.0f%% of its average amount against %.0f%%",
                        rank.get("figure").asDouble(), rank.get("rest").asDouble(), 100 * scaled.get("figure")
                                .asDouble(), 100 * scaled.get("rest").asDouble()),
                String.format(Locale.ROOT, "%.2f times (%.2f to %.2f); for its size %.2f times (%.2f to %.2f)",
                        rank.get("size").asDouble(), rank.get("low").asDouble(), rank.get("high").asDouble(),
                        scaled.get("ratio").asDouble(), scaled.get("low").asDouble(), scaled.get("high").asDouble()),
                "&lt; 0.0001; for its size &lt; 0.0001 (× " + rank.get("comparisons").asInt() + " groups)",
                "served worse, beyond chance"));
        // Men: 1.52 times the women's error, p = 0.0003; for the size of their salaries 1.34 times, p = 0.0142.
        JsonNode sex = e.get("sex");
        assertThat(html).contains(String.format(Locale.ROOT, "<td>%.2f times (%.2f to %.2f); for its size %.2f times "
                + "(%.2f to %.2f)</td><td>%.4f; for its size %.4f</td>", sex.get("size").asDouble(), sex.get("low")
                .asDouble(), sex.get("high").asDouble(), sex.at("/scaled/ratio").asDouble(), sex.at("/scaled/low")
                .asDouble(), sex.at("/scaled/high").asDouble(), sex.get("p").asDouble(), sex.at("/scaled/p").asDouble()));
    }

    @Test
    void yesNoShowsTheShareRightAndTheShareCaughtAsStatsmodelsGivesThem() throws Exception {
        JsonNode e = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile()).get("titanic");
        List<GroupFairness> fairness = GroupFairness.of(counts(rows("titanic.csv"), Map.of("passengerClass", 0,
                "sex", 1), 2, 3, false));
        String html = result(fairness, NEW, Task.BINARY);

        // Four rows: share right and share caught per column; the third class right 74 in 100 against 83, and of the
        // men who survived 12 in 100 caught against 98 of the women.
        assertThat(html.split("<tr><td>New kinds of customers arrive</td>", -1)).hasSize(5);
        for (String column : List.of("passengerClass", "sex")) {
            JsonNode right = e.get(column).get("share_right");
            JsonNode caught = e.get(column).get("caught");
            assertThat(html).contains(row("New kinds of customers arrive", right, right.get("rows").asLong() + " rows",
                    String.format(Locale.ROOT, "right %d in 100 against %d", Math.round(100 * right.get("figure")
                            .asDouble()), Math.round(100 * right.get("rest").asDouble())), gap(right), p(right),
                    right.get("beyond_chance").asBoolean() ? "served worse, beyond chance" : "within chance"));
            assertThat(html).contains(row("New kinds of customers arrive", caught, caught.get("rows").asLong()
                    + " to catch", String.format(Locale.ROOT, "caught %d in 100 against %d", Math.round(100
                    * caught.get("figure").asDouble()), Math.round(100 * caught.get("rest").asDouble())), gap(caught),
                    p(caught), "catches fewer, beyond chance"));
        }
    }

    @Test
    void aReportWithoutGroupsToCompareHasNoFairnessTable() {
        assertThat(result(List.of(), PRICES, Task.REGRESSION)).doesNotContain("How evenly it serves each group");
    }

    private static String gap(JsonNode e) {
        return String.format(Locale.ROOT, "gap of %.0f points, between %.0f and %.0f", 100 * e.get("size").asDouble(),
                100 * e.get("low").asDouble(), 100 * e.get("high").asDouble());
    }

    private static String p(JsonNode e) {
        double p = e.get("p").asDouble();
        String bare = p < 0.0001 ? "&lt; 0.0001" : String.format(Locale.ROOT, "%.4f", p);
        return bare + (e.get("comparisons").asInt() > 1 ? " (× " + e.get("comparisons").asInt() + " groups)" : "");
    }
}
