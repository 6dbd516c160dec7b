package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guided check builds its model without the columns that give the answer away, as {@code train} does, and says
 * so in everyday words. MASS's birthwt: {@code low} is {@code bwt < 2500} g (R's documentation), so the birth weight
 * itself ranks it with ROC AUC 1.000 ({@code train} says so); a model given it learns the 2,500 g line, not the risk.
 * R has the births sorted by {@code low}, so the file is shuffled (the check refuses a past with no low weights).
 * Background work runs on the calling thread.
 */
class WizardLeaksTest {

    @TempDir
    Path dir;

    private final WizardNavigator wizard = new WizardNavigator(Runnable::run, Runnable::run);

    @BeforeEach
    void setUp() {
        wizard.model().modelFolder(dir.resolve("models"));
    }

    private Path copy(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.copy(Path.of("src/test/resources/rdata").resolve(name), file);
        return file;
    }

    @Test
    void theBirthWeightIsLeftOutOfAModelOfLowBirthWeight() throws IOException {
        wizard.data().loadData(copy("birthwt.csv"));
        wizard.target().targetProperty().set("low");
        wizard.next();
        wizard.next();
        wizard.model().buildModel();
        assertThat(wizard.problemProperty().get()).isEmpty();
        String words = wizard.model().modelSummaryProperty().get();
        assertThat(words).endsWith(" It does not use “bwt”: it gives the answer away, so it is probably only known "
                + "afterwards.");
        assertThat(wizard.model().features()).doesNotContain("bwt", "low").contains("lwt", "smoke", "age");
        // Without it the model is right less often than always answering '0' (the 68 in 100 of the tested rows that
        // are not low), and the page shows its words as a caution, not as good news.
        assertThat(words).contains("So the model does no better than that guess.");
        assertThat(ModelWords.style(words)).isEqualTo("caution-text");
    }

    @Test
    void twoPriceColumnsThatGiveThePriceAwayAreNamedTogether() throws IOException {
        wizard.data().loadData(copy("cars93.csv"));
        wizard.target().targetProperty().set("Price");
        wizard.next();
        wizard.next();
        wizard.model().buildModel();
        assertThat(wizard.problemProperty().get()).isEmpty();
        String words = wizard.model().modelSummaryProperty().get();
        assertThat(words).endsWith(" It does not use “Min.Price” and “Max.Price”: they give the answer away, "
                + "so they are probably only known afterwards.");
        assertThat(wizard.model().features()).doesNotContain("Min.Price", "Max.Price", "Price");
        assertThat(ModelWords.style(words)).isEqualTo("good-news");
    }
}
