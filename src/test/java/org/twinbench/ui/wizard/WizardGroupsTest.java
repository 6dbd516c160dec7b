package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.sim.whatif.WhatIfChange;
import org.twinbench.sim.whatif.WhatIfVerdict;

/**
 * Verdicts the owner can trust: a group is called fine only when the verdict could tell and the model is
 * reliable there, groups under 30 rows are "too few to tell", shares right come with their Wilson
 * interval (checked against statsmodels' {@code proportion_confint(method="wilson")}), and the groups
 * page starts from the groups the model serves worst, found by {@code stats.SliceFinder} on the rows the
 * check replays.
 */
class WizardGroupsTest {

    @TempDir
    Path dir;

    private final WizardNavigator wizard = new WizardNavigator(Runnable::run, Runnable::run);

    private static WhatIfVerdict green(String sentence) {
        return new WhatIfVerdict(new WhatIfChange(WhatIfChange.Kind.SEASON, 0.5), "region=north",
                WhatIfVerdict.Light.GREEN, 0.9, 0.9, sentence, WhatIfVerdict.Retraining.NOT_TRIED);
    }

    @Test
    void greenIsFineOnlyWhereTheVerdictCouldTellAndTheModelIsReliable() {
        assertThat(ResultsPageModel.lightWords(green("If a season comes round (quite a bit), the model stays reliable "
                + "for region north: right about 9 times out of 10."))).isEqualTo("● fine");
        assertThat(ResultsPageModel.lightWords(green("If a season comes round (quite a bit), the model does not "
                + "change for region north, but is right only about 6 times out of 10."))).isEqualTo("● unchanged, weak");
        assertThat(ResultsPageModel.lightWords(green("If a season comes round (quite a bit), there are too few rows "
                + "of region north to tell (12): right about 9 times out of 10."))).isEqualTo("● too few to tell");
        // An amount's verdict that stays as good is fine too.
        assertThat(ResultsPageModel.lightWords(green("If a season comes round (quite a bit), the model stays as good "
                + "for everyone: off by about 45 on average."))).isEqualTo("● fine");
    }

    @Test
    void sharesComeWithTheirWilsonInterval() {
        // statsmodels proportion_confint(80, 100, method="wilson") = (0.7112, 0.8666); (61, 120): (0.4200, 0.5961).
        assertThat(ModelWords.between(0.8, 100)).isEqualTo("between 71% and 87%");
        assertThat(ModelWords.between(61 / 120.0, 120)).isEqualTo("between 42% and 60%");
    }

    /**
     * 1,600 customers: the outcome follows the tenure everywhere but in region "north" (a fifth of the rows),
     * where it is random; "east" has only 20 rows.
     */
    private Path customers() throws IOException {
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("tenure_months,region,monthly_fee,churned\n");
        for (int i = 0; i < 1600; i++) {
            int tenure = random.nextInt(60);
            String region = i % 80 == 7 ? "east" : i % 5 == 0 ? "north" : i % 2 == 0 ? "south" : "west";
            boolean churned = region.equals("north") ? random.nextBoolean() : tenure < 20 ^ random.nextDouble() < 0.05;
            csv.append(tenure).append(',').append(region).append(',').append(20 + random.nextInt(30)).append(',')
                    .append(churned ? "yes" : "no").append('\n');
        }
        Path file = dir.resolve("customers.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void theGroupsPageStartsFromTheGroupsTheModelServesWorst() throws IOException {
        wizard.data().loadData(customers());
        assertThat(wizard.target().targetProperty().get()).isEqualTo("churned");
        assertThat(wizard.groups().foundNoteProperty().get()).isEmpty();
        // Row i is east when i % 80 == 7 (20 rows), else north when i % 5 == 0 (320), else south when even
        // (800 even rows less the 160 that are multiples of 10: 640), else west (620).
        assertThat(wizard.groups().groupSizes("region")).isEqualTo("south: 640 rows, west: 620, north: 320, "
                + "east: 20 (too few to tell)");
        wizard.model().buildModel();
        assertThat(wizard.problemProperty().get()).isEmpty();
        assertThat(wizard.groups().found()).isNotEmpty();
        String worst = wizard.groups().found().get(0);
        Matcher m = Pattern.compile("Rows with region north \\(([\\d,]+) rows\\): right (\\d+) times out of 100 "
                + "\\(between (\\d+)% and (\\d+)%\\), against (\\d+) for the rest\\.").matcher(worst);
        assertThat(m.matches()).as(worst).isTrue();
        // North is a coin toss for any model; the rest follow the tenure but for 5% noise.
        int rows = Integer.parseInt(m.group(1).replace(",", ""));
        int right = Integer.parseInt(m.group(2));
        assertThat(rows).isBetween(150, 230);
        assertThat(right).isBetween(35, 65);
        assertThat(Integer.parseInt(m.group(5))).isGreaterThanOrEqualTo(85);
        assertThat(Integer.parseInt(m.group(3))).isLessThanOrEqualTo(right);
        assertThat(Integer.parseInt(m.group(4))).isGreaterThanOrEqualTo(right);
        // Its column is offered and ticked; the page says what the list is.
        assertThat(wizard.groups().chosenGroups()).contains("region");
        assertThat(wizard.groups().foundNoteProperty().get()).startsWith("Where the model does clearly worse");
        wizard.next();
        wizard.next();
        wizard.next();
        wizard.next();
        assertThat(wizard.question().groups()).contains("region");
    }

    @Test
    void aNumericColumnInAWorstGroupIsOfferedAsRanges() throws IOException {
        // Diabetes: no text column; the worst groups, if any, are ranges of numbers.
        Path file = dir.resolve("diabetes.csv");
        Files.copy(Path.of("sample-data/public/diabetes.csv"), file);
        wizard.model().modelFolder(dir.resolve("models"));
        wizard.data().loadData(file);
        assertThat(wizard.groups().groupColumns()).isEmpty();
        wizard.model().buildModel();
        assertThat(wizard.problemProperty().get()).isEmpty();
        assertThat(wizard.groups().foundNoteProperty().get()).isNotEmpty();
        assertThat(wizard.groups().found()).allMatch(line -> line.matches("Rows with .* \\(\\d+ rows\\): the guess is "
                + "off by more than usual \\d+ times out of 100 \\(between \\d+% and \\d+%\\), against \\d+ for the rest\\."));
        for (String column : wizard.groups().groupColumns()) {
            assertThat(wizard.groups().groupSizes(column)).isEqualTo("numbers, checked in 5 ranges of about equal size");
        }
        assertThat(TopGroups.value("bmi", "[25.3, 29.6)")).isEqualTo("from 25.3 to under 29.6");
        assertThat(TopGroups.value("bmi", "[33.1, 42.2]")).isEqualTo("from 33.1 to 42.2");
    }
}
