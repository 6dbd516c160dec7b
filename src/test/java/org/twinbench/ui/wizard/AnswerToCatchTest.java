package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.TableLoader;

/**
 * The answer the guided check offers to catch first: the one named yes, else the rarer of the two — on real credit
 * data the bad applicants, not the good ones that sort last.
 */
class AnswerToCatchTest {

    static final Path CREDIT = Path.of("src", "test", "resources", "rdata", "credit.csv");

    private final WizardNavigator wizard = new WizardNavigator(Runnable::run, Runnable::run);

    /**
     * modeldata's credit data: Status is 'good' for 3,200 applicants and 'bad' for 1,254 (pandas' value_counts).
     * The commands' rule would name 'good' (it sorts last); the owner is offered 'bad', and the model the check
     * builds catches 'bad'.
     */
    @Test
    void creditApplicantsOfferTheBadOnesToCatch() {
        wizard.data().loadData(CREDIT);
        assertThat(wizard.target().targetProperty().get()).isEqualTo("Status");
        assertThat(wizard.target().outcomes()).containsExactly("bad", "good");
        assertThat(wizard.target().outcomeToWatchProperty().get()).isEqualTo("bad");
        assertThat(wizard.target().targetDescriptionProperty().get())
                .contains("will “Status” be “bad”? Pick the answer you want to catch below.");
        assertThat(BinaryLabels.positiveLabel(TableLoader.load(CREDIT).frame().column("Status"), null)).isEqualTo("good");
    }

    @Test
    void aValueNamedYesIsOfferedEvenWhenItIsTheCommonOne() {
        CategoricalColumn mostlyYes = CategoricalColumn.of("renewed", new String[] {"yes", "yes", "yes", "no"});
        assertThat(BinaryLabels.answerToCatch(mostlyYes)).isEqualTo("yes");
    }

    @Test
    void equalCountsKeepTheCommandsRule() {
        CategoricalColumn even = CategoricalColumn.of("result", new String[] {"lost", "won", "won", "lost"});
        assertThat(BinaryLabels.answerToCatch(even)).isEqualTo(BinaryLabels.positiveLabel(even, null)).isEqualTo("won");
        CategoricalColumn pima = CategoricalColumn.of("diabetes", new String[] {"neg", "pos", "neg"});
        assertThat(BinaryLabels.answerToCatch(pima)).isEqualTo("pos");
        CategoricalColumn mostlyPos = CategoricalColumn.of("test", new String[] {"neg", "pos", "pos"});
        assertThat(BinaryLabels.answerToCatch(mostlyPos)).isEqualTo("neg");
    }
}
