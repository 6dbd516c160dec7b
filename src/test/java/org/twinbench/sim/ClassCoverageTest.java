package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.data.ClassLabels;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;

/**
 * The one rule behind a scenario's reference lacking a class and a multiclass refit on too few classes, on R's
 * palmerpenguins (344 rows, grouped by species in file order). pandas 1.5: {@code sorted(d.species.unique())} is
 * Adelie, Chinstrap, Gentoo; the first 172 rows hold Adelie and Gentoo; the first 152 only Adelie.
 */
class ClassCoverageTest {

    private static final Path PENGUINS = Path.of("src/test/resources/rdata/penguins.csv");

    @Test
    void theFirstHalfOfPenguinsLacksChinstrapAndIsTooFewForAMulticlassModel() throws Exception {
        Frame penguins = TableLoader.load(PENGUINS).frame();
        List<String> every = ClassLabels.of(penguins.column("species"));
        assertThat(every).containsExactly("Adelie", "Chinstrap", "Gentoo");

        ClassCoverage half = ClassCoverage.of(every, penguins.slice(0, 172).column("species"));
        assertThat(half.missing()).containsExactly("Chinstrap");
        assertThat(half.held()).isEqualTo(2);
        assertThat(half.complete()).isFalse();
        assertThat(half.enoughForMulticlass()).isFalse();
        assertThat(half.sentence("the reference rows", "species"))
                .isEqualTo("the reference rows hold 2 of the 3 classes of 'species' (never 'Chinstrap')");

        ClassCoverage first = ClassCoverage.of(every, penguins.slice(0, 152).column("species"));
        assertThat(first.sentence("the rows", "species"))
                .isEqualTo("the rows hold 1 of the 3 classes of 'species' (never 'Chinstrap', 'Gentoo')");

        ClassCoverage all = ClassCoverage.of(every, penguins.column("species"));
        assertThat(all.complete()).isTrue();
        assertThat(all.enoughForMulticlass()).isTrue();
        assertThat(all.sentence("the rows", "species")).isEqualTo("the rows hold 3 of the 3 classes of 'species'");
    }
}
