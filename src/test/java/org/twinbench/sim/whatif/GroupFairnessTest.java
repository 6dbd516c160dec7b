package org.twinbench.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which group a model of kinds or amounts serves worst, against pandas / statsmodels / scipy
 * ({@code sample-data/scripts/group_fairness_reference.py}) on R's carData Salaries (salary predicted from rank,
 * discipline, years and sex; groups sex and rank), scikit-learn's wine (three cultivars; groups of colour intensity)
 * and generated rows whose night shift is served worse on purpose.
 */
class GroupFairnessTest {

    private static final Path DIR = Path.of("src/test/resources/whatif/fairness");

    private static JsonNode expected() throws Exception {
        return new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
    }

    private static List<String[]> rows(String file) throws Exception {
        List<String> lines = Files.readAllLines(DIR.resolve(file));
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
    }

    /** Per group ("column=value"), the amounts of {@code rows}: truth at {@code truth}, prediction at {@code predicted}. */
    private static Map<String, GroupCounts> amounts(List<String[]> rows, Map<String, Integer> groups, int truth,
                                                    int predicted) {
        Map<String, GroupCounts> counts = new LinkedHashMap<>();
        for (String[] row : rows) {
            groups.forEach((column, at) -> counts.computeIfAbsent(column + "=" + row[at], k -> GroupCounts.ofAmounts())
                    .addAmount(Double.parseDouble(row[truth]), Double.parseDouble(row[predicted]), 0));
        }
        return counts;
    }

    private static Map<String, GroupCounts> kinds(List<String[]> rows, String column, int group, int truth,
                                                  int answered) {
        Map<String, GroupCounts> counts = new LinkedHashMap<>();
        for (String[] row : rows) {
            counts.computeIfAbsent(column + "=" + row[group], k -> GroupCounts.ofKinds(List.of("0", "1", "2")))
                    .addAnswer(Integer.parseInt(row[truth]), Integer.parseInt(row[answered]), 0);
        }
        return counts;
    }

    private static GroupFairness column(List<GroupFairness> all, String column) {
        return all.stream().filter(f -> f.column().equals(column)).findFirst().orElseThrow();
    }

    private static void assertEqual(GroupFairness f, JsonNode e) {
        assertThat(f.group()).isEqualTo(e.get("group").asText());
        assertThat(f.rows()).isEqualTo(e.get("rows").asLong());
        assertThat(f.restRows()).isEqualTo(e.get("rest_rows").asLong());
        assertThat(f.figure()).isCloseTo(e.get("figure").asDouble(), within(1e-9 * Math.abs(e.get("figure").asDouble())));
        assertThat(f.rest()).isCloseTo(e.get("rest").asDouble(), within(1e-9 * Math.abs(e.get("rest").asDouble())));
        assertThat(f.size()).isCloseTo(e.get("size").asDouble(), within(1e-9));
        assertThat(f.low()).isCloseTo(e.get("low").asDouble(), within(1e-9));
        assertThat(f.high()).isCloseTo(e.get("high").asDouble(), within(1e-9));
        // Normal tails through the Numerical Recipes erfc (relative error under 1.2e-7); Welch's t by its continued
        // fraction.
        assertThat(f.pValue()).as(f.group()).isCloseTo(e.get("p").asDouble(), within(1e-6 * e.get("p").asDouble()));
        assertThat(f.comparisons()).isEqualTo(e.get("comparisons").asInt());
        assertThat(f.beyondChance()).isEqualTo(e.get("beyond_chance").asBoolean());
    }

    @Test
    void salariesServeProfessorsAndMenWorseInDollarsBeyondChance() throws Exception {
        JsonNode e = expected().get("salaries");
        List<GroupFairness> found = GroupFairness.of(amounts(rows("salaries.csv"), Map.of("sex", 0, "rank", 1), 2, 3));
        assertThat(found).hasSize(2);
        assertEqual(column(found, "sex"), e.get("sex"));
        assertEqual(column(found, "rank"), e.get("rank"));
        // Two groups make one comparison; three ranks three.
        assertThat(column(found, "sex").words()).isEqualTo(String.format(java.util.Locale.ROOT,
                " It serves “sex Male” worse than the rest of “sex”: off by 17,372 on average against 11,416 (%.2f "
                + "times as much, between %.2f and %.2f times), beyond chance (Welch's t-test, p = 0.0003).",
                column(found, "sex").size(), column(found, "sex").low(), column(found, "sex").high()));
        assertThat(column(found, "rank").words()).endsWith("beyond chance (Welch's t-test, p < 0.0001, Bonferroni over 3 "
                + "groups).");
    }

    @Test
    void wineColourGroupsDifferOnlyWithinChanceAndASmallGroupIsNotJudged() throws Exception {
        JsonNode e = expected().get("wine").get("colour");
        List<String[]> rows = rows("wine.csv");
        List<GroupFairness> found = GroupFairness.of(kinds(rows, "colour", 0, 1, 2));
        assertEqual(column(found, "colour"), e);
        assertThat(column(found, "colour").words()).contains("somewhat worse").contains("within chance")
                .contains("Bonferroni over 2 groups");
        // Nothing beyond chance: the change's summary says nothing of it.
        assertThat(GroupFairness.words(kinds(rows, "colour", 0, 1, 2), null)).isEmpty();
    }

    @Test
    void aNightShiftServedWorseIsNamedBesideTheRunWithoutTheChange() throws Exception {
        JsonNode e = expected().get("generated");
        List<String[]> rows = rows("generated.csv");
        Map<String, GroupCounts> kinds = kinds(rows, "shift", 0, 1, 2);
        assertEqual(column(GroupFairness.of(kinds), "shift"), e.get("kinds"));
        assertEqual(column(GroupFairness.of(amounts(rows, Map.of("shift", 0), 3, 4)), "shift"), e.get("amounts"));
        // Without the change every shift right as often: the same truths answered right everywhere.
        Map<String, GroupCounts> even = new LinkedHashMap<>();
        for (String[] row : rows) {
            even.computeIfAbsent("shift=" + row[0], k -> GroupCounts.ofKinds(List.of("0", "1", "2")))
                    .addAnswer(Integer.parseInt(row[1]), Integer.parseInt(row[1]), 0);
        }
        String words = GroupFairness.words(kinds, even);
        // Every shift alike without the change: the first counted (weekend, the file's first row) is named.
        GroupFairness night = column(GroupFairness.of(kinds), "shift");
        assertThat(words).isEqualTo(String.format(java.util.Locale.ROOT, " It serves “shift night” worse than the rest "
                + "of “shift”: right 68 times out of 100 against 89 (a gap of 21 points, between %.0f and %.0f), beyond "
                + "chance (two-sided two-proportion z-test, p < 0.0001, Bonferroni over 3 groups). Without the change "
                + "the worst served there was “shift weekend” (a gap of 0 points), within chance.", 100 * night.low(),
                100 * night.high()));
        // A yes/no model's counts are judged by their parity ratio instead: none here.
        Map<String, GroupCounts> binary = new LinkedHashMap<>();
        for (String[] row : rows) {
            binary.computeIfAbsent("shift=" + row[0], k -> GroupCounts.ofKinds(List.of("no", "yes")))
                    .addAnswer(Integer.parseInt(row[1]) % 2, Integer.parseInt(row[2]) % 2, 0);
        }
        assertThat(GroupFairness.of(binary)).isEmpty();
    }
}
