package org.twinbench.ui.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.NodeType;

/**
 * The palette: every node type of the catalog, grouped in the order a twin is built (sources first,
 * metrics last; groups the catalog adds later follow alphabetically) and filtered by a search text
 * matched against title, description, group and type name.
 */
public final class PaletteViewModel {

    /** The order of the groups the issue names; any other group comes after these. */
    static final List<String> GROUP_ORDER = List.of("Sources", "Perturbations", "Models", "Monitors", "Policies",
            "Deployment", "Metrics");

    private final Supplier<List<NodeType>> catalog;
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Map<String, List<NodeType>>> groups = new ReadOnlyObjectWrapper<>();

    public PaletteViewModel() {
        this(NodeCatalog::all);
    }

    PaletteViewModel(Supplier<List<NodeType>> catalog) {
        this.catalog = catalog;
        search.addListener((obs, old, now) -> refresh());
        refresh();
    }

    private void refresh() {
        String[] words = search.get() == null ? new String[0]
                : search.get().toLowerCase(Locale.ROOT).strip().split("\\s+");
        List<NodeType> matching = new ArrayList<>();
        for (NodeType type : catalog.get()) {
            String haystack = (type.title() + " " + type.description() + " " + type.group() + " " + type.type())
                    .toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String word : words) {
                all &= haystack.contains(word);
            }
            if (all) {
                matching.add(type);
            }
        }
        matching.sort(Comparator.comparing((NodeType t) -> groupRank(t.group())).thenComparing(NodeType::group));
        Map<String, List<NodeType>> grouped = new LinkedHashMap<>();
        matching.forEach(t -> grouped.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t));
        groups.set(grouped);
    }

    private static int groupRank(String group) {
        int index = GROUP_ORDER.indexOf(group);
        return index < 0 ? GROUP_ORDER.size() : index;
    }

    /** The first type shown: what Enter in the search field adds. */
    public java.util.Optional<NodeType> first() {
        return groups.get().values().stream().flatMap(List::stream).findFirst();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyObjectProperty<Map<String, List<NodeType>>> groupsProperty() {
        return groups.getReadOnlyProperty();
    }

    /** A CSS-safe name for a group: "Sources" becomes "sources". */
    static String slug(String group) {
        return group.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
