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
 * Which group a model of kinds, yes/no or amounts serves worst, against pandas / statsmodels / scipy
 * ({@code sample-data/scripts/group_fairness_reference.py}) on R's carData Salaries (salary predicted from rank,
 * discipline, years and sex; groups sex and rank), R's carData TitanicSurvival (survival predicted from sex, age and
 * class; share right and share caught by class and sex), scikit-learn's wine (three cultivars; groups of colour
 * intensity), generated rows whose night shift is served worse on purpose and generated rows whose city amounts are
 * five times the town's with errors in proportion.
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
        return kinds(rows, Map.of(column, group), truth, answered, List.of("0", "1", "2"));
    }

    private static Map<String, GroupCounts> kinds(List<String[]> rows, Map<String, Integer> groups, int truth,
                                                  int answered, List<String> kinds) {
        Map<String, GroupCounts> counts = new LinkedHashMap<>();
        for (String[] row : rows) {
            groups.forEach((column, at) -> counts.computeIfAbsent(column + "=" + row[at], k -> GroupCounts.ofKinds(
                    kinds)).addAnswer(Integer.parseInt(row[truth]), Integer.parseInt(row[answered]), 0));
        }
        return counts;
    }

    private static GroupFairness column(List<GroupFairness> all, String column, GroupFairness.Measure measure) {
        return all.stream().filter(f -> f.column().equals(column) && f.measure() == measure).findFirst().orElseThrow();
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
        assertThat(f.worseAlone()).isEqualTo(e.get("worse_alone").asBoolean());
        JsonNode s = e.get("scaled");
        if (s == null) {
            assertThat(f.scaled()).isNull();
            return;
        }
        assertThat(f.scaled().figure()).isCloseTo(s.get("figure").asDouble(), within(1e-12));
        assertThat(f.scaled().rest()).isCloseTo(s.get("rest").asDouble(), within(1e-12));
        assertThat(f.scaled().amount()).isCloseTo(s.get("amount").asDouble(), within(1e-9 * s.get("amount").asDouble()));
        assertThat(f.scaled().restAmount()).isCloseTo(s.get("rest_amount").asDouble(), within(1e-9 * s.get(
                "rest_amount").asDouble()));
        assertThat(f.scaled().ratio()).isCloseTo(s.get("ratio").asDouble(), within(1e-9));
        assertThat(f.scaled().low()).isCloseTo(s.get("low").asDouble(), within(1e-9));
        assertThat(f.scaled().high()).isCloseTo(s.get("high").asDouble(), within(1e-9));
        assertThat(f.scaled().pValue()).isCloseTo(s.get("p").asDouble(), within(1e-6 * s.get("p").asDouble()));
    }

    @Test
    void salariesServeProfessorsAndMenWorseInDollarsBeyondChance() throws Exception {
        JsonNode e = expected().get("salaries");
        List<GroupFairness> found = GroupFairness.of(amounts(rows("salaries.csv"), Map.of("sex", 0, "rank", 1), 2, 3));
        assertThat(found).hasSize(2);
        assertEqual(column(found, "sex"), e.get("sex"));
        assertEqual(column(found, "rank"), e.get("rank"));
        // Two groups make one comparison; three ranks three. Professors' salaries are larger, yet relative to them
        // professors are still off by twice as much (17% of 126,772 against 8% of 87,176): served worse for that, not
        // only for their larger amounts.
        GroupFairness sex = column(found, "sex");
        assertThat(sex.words()).isEqualTo(String.format(java.util.Locale.ROOT,
                " It serves “sex Male” worse than the rest of “sex”: off by 17,372 on average against 11,416 (%.2f "
                + "times as much, between %.2f and %.2f times), and for the size of its amounts too: 15%% of its "
                + "average amount (115,090) against 11%% of the rest's (101,002), %.2f times as much, between %.2f and "
                + "%.2f times; beyond chance (Welch's t-test, p = 0.0003, relative to the amounts p = 0.0142).",
                sex.size(), sex.low(), sex.high(), sex.scaled().ratio(), sex.scaled().low(), sex.scaled().high()));
        assertThat(column(found, "rank").words()).contains("17% of its average amount (126,772) against 8% of the "
                + "rest's (87,176), 2.14 times as much").endsWith("beyond chance (Welch's t-test, p < 0.0001, relative "
                + "to the amounts p < 0.0001, Bonferroni over 3 groups).");
        assertThat(FairnessWords.cells(column(found, "rank"))).containsExactly("rank Prof", "266 rows",
                "off by 21,637 against 6,939; 17% of its average amount against 8%",
                "3.12 times (2.64 to 3.68); for its size 2.14 times (1.82 to 2.53)",
                "< 0.0001; for its size < 0.0001 (× 3 groups)", "served worse, beyond chance");
    }

    @Test
    void cityAmountsFiveTimesTheTownsAreOffByMoreButNotServedWorse() throws Exception {
        JsonNode e = expected().get("scale").get("region");
        List<GroupFairness> found = GroupFairness.of(amounts(rows("scale.csv"), Map.of("region", 0), 1, 2));
        GroupFairness city = column(found, "region");
        assertEqual(city, e);
        // Five times the dollars off, beyond chance; relative to its amounts about the same (1.02, p = 0.70).
        assertThat(city.worseAlone()).isTrue();
        assertThat(city.beyondChance()).isFalse();
        assertThat(city.words()).startsWith(" It is off by more for “region city” than for the rest of “region”: off by "
                + "49 on average against 9.8 (5.02 times as much").contains("but its amounts are larger, and for "
                + "their size it is 10% of its average amount (495) against 10% of the rest's (101), 1.02 times as "
                + "much, between 0.92 and 1.13 times, within chance").endsWith("larger amounts alone do not make it "
                + "served worse.");
        assertThat(FairnessWords.verdict(city)).isEqualTo("off by more only as its amounts are larger");
        // A change's summary names only groups served worse: nothing here.
        assertThat(GroupFairness.words(amounts(rows("scale.csv"), Map.of("region", 0), 1, 2), null)).isEmpty();
    }

    @Test
    void titanicThirdClassAndMenAreCaughtLessOftenThanTheRest() throws Exception {
        JsonNode e = expected().get("titanic");
        List<GroupFairness> found = GroupFairness.of(kinds(rows("titanic.csv"), Map.of("passengerClass", 0, "sex", 1),
                2, 3, List.of("no", "yes")));
        assertThat(found).hasSize(4);
        for (String column : List.of("passengerClass", "sex")) {
            assertEqual(column(found, column, GroupFairness.Measure.SHARE_RIGHT), e.get(column).get("share_right"));
            assertEqual(column(found, column, GroupFairness.Measure.CAUGHT), e.get(column).get("caught"));
        }
        // Women and men right about as often (a gap of 2 points, within chance), but the model, which answers mostly
        // by sex, catches 12 of every 100 men who survived against 98 women.
        GroupFairness men = column(found, "sex", GroupFairness.Measure.CAUGHT);
        assertThat(men.words()).isEqualTo(String.format(java.util.Locale.ROOT, " It catches fewer of the cases to "
                + "catch in “sex male” than in the rest of “sex”: 12 of every 100 against 98 (a gap of 86 points, "
                + "between %.0f and %.0f), beyond chance (two-sided two-proportion z-test, p < 0.0001).",
                100 * men.low(), 100 * men.high()));
        assertThat(FairnessWords.cells(men)).containsExactly("sex male", "135 to catch", "caught 12 in 100 against 98",
                String.format(java.util.Locale.ROOT, "gap of 86 points, between %.0f and %.0f", 100 * men.low(),
                        100 * men.high()), "< 0.0001", "catches fewer, beyond chance");
        assertThat(column(found, "sex", GroupFairness.Measure.SHARE_RIGHT).beyondChance()).isFalse();
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
        // A yes/no model's counts are judged by share right and by share caught.
        Map<String, GroupCounts> binary = new LinkedHashMap<>();
        for (String[] row : rows) {
            binary.computeIfAbsent("shift=" + row[0], k -> GroupCounts.ofKinds(List.of("no", "yes")))
                    .addAnswer(Integer.parseInt(row[1]) % 2, Integer.parseInt(row[2]) % 2, 0);
        }
        assertThat(GroupFairness.of(binary)).extracting(GroupFairness::measure).containsExactly(
                GroupFairness.Measure.SHARE_RIGHT, GroupFairness.Measure.CAUGHT);
    }
}
