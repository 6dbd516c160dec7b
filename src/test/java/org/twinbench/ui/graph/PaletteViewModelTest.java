package org.twinbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.NodeType;

class PaletteViewModelTest {

    private static NodeType type(String name, String group, String title, String description) {
        return new NodeType(name, group, title, description, List.of(), List.of(), List.of());
    }

    @Test
    void groupsFollowTheOrderATwinIsBuiltInWithUnknownGroupsLast() {
        PaletteViewModel palette = new PaletteViewModel(() -> List.of(
                type("x.z", "Zeta", "Z", "z"), type("m.a", "Metrics", "M", "m"),
                type("p.r", "Policies", "Retrain", "retrains"), type("s.a", "Sources", "S", "s")));
        assertThat(palette.groupsProperty().get().keySet()).containsExactly("Sources", "Policies", "Metrics", "Zeta");
    }

    @Test
    void searchMatchesEveryWordInTitleDescriptionOrGroup() {
        PaletteViewModel palette = new PaletteViewModel();
        palette.searchProperty().set("shift numeric");
        assertThat(palette.groupsProperty().get().values().stream().flatMap(List::stream).map(NodeType::type))
                .containsExactly(NodeCatalog.COVARIATE_SHIFT);
        palette.searchProperty().set("MODELS");
        assertThat(palette.first().map(NodeType::type)).contains(NodeCatalog.LOGISTIC_MODEL);
        palette.searchProperty().set("no such thing");
        assertThat(palette.groupsProperty().get()).isEmpty();
        assertThat(palette.first()).isEmpty();
    }

    @Test
    void everyCatalogTypeIsOffered() {
        PaletteViewModel palette = new PaletteViewModel();
        assertThat(palette.groupsProperty().get().values().stream().mapToInt(List::size).sum())
                .isEqualTo(NodeCatalog.all().size());
    }
}
