package org.twinbench.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.twinbench.data.PlainWords;
import org.twinbench.sim.whatif.ChangeReach;
import org.twinbench.sim.whatif.WhatIfChange;

/**
 * Page 4, "What might change": which changes to try, and how strong each is, ranked by how little of each it takes to
 * hurt the model, whatever it predicts ({@link ChangeReach}).
 */
public final class ChangesPageModel {

    /**
     * One change the user can tick, with its strength from "a little" (0) to "a lot" (1).
     *
     * @param id the control's id, e.g. {@code change-season}
     * @param label the change in everyday words, e.g. "Prices or incomes shift"
     * @param possible whether the user's data has what the change needs (a change that cannot be made is
     *     unticked, and its effect says why)
     */
    public record Choice(String id, String label, WhatIfChange.Kind kind, BooleanProperty chosen,
                         DoubleProperty strength, javafx.beans.property.StringProperty effect, BooleanProperty possible) { }

    private final List<Choice> choices = new ArrayList<>();
    private java.util.function.Function<WhatIfChange, String> words;
    /** Per change, how little of it hurts the model ({@link #rank}); "" until known. */
    private final java.util.Map<WhatIfChange.Kind, String> reach = new java.util.EnumMap<>(WhatIfChange.Kind.class);
    private final javafx.beans.property.ReadOnlyObjectWrapper<List<Choice>> order =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(List.of());

    ChangesPageModel() {
        for (WhatIfChange.Kind kind : WhatIfChange.Kind.values()) {
            // Prices and new customers are what most businesses meet first: ticked to start with.
            choices.add(new Choice("change-" + kind.name().toLowerCase(Locale.ROOT), PlainWords.capitalised(kind.words()),
                    kind, new SimpleBooleanProperty(kind == WhatIfChange.Kind.PRICES_SHIFT
                            || kind == WhatIfChange.Kind.NEW_CUSTOMERS), new SimpleDoubleProperty(0.5),
                    new javafx.beans.property.SimpleStringProperty(""), new SimpleBooleanProperty(true)));
        }
        choices.forEach(c -> c.strength().addListener((obs, old, now) -> describe(c)));
    }

    /** Every change the wizard offers, in its order. */
    public List<Choice> choices() {
        return choices;
    }

    /**
     * Says for each change what it would do to the user's columns ({@code words} of a change),
     * now and whenever its strength moves.
     */
    void describeWith(java.util.function.Function<WhatIfChange, String> words) {
        this.words = words;
        choices.forEach(this::describe);
    }

    /**
     * Ranks the changes by how little of each it takes to hurt the model ({@link ChangeReach}): those searched first,
     * least needed first, each change's line ending with it ("Hurts the model once “price” is about 23% higher: right 80
     * instead of 93 times out of 100 on the same rows."); the rest after, in their order. An empty ranking (no model
     * to search yet) keeps the page's order.
     */
    void rank(List<ChangeReach> ranked) {
        reach.clear();
        List<Choice> ordered = new ArrayList<>();
        for (ChangeReach r : ranked) {
            reach.put(r.kind(), r.words());
            choices.stream().filter(c -> c.kind() == r.kind()).findFirst().ifPresent(ordered::add);
        }
        choices.stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
        choices.forEach(this::describe);
        order.set(ranked.isEmpty() ? List.of() : List.copyOf(ordered));
    }

    /** The changes least needed to hurt first, once ranked; empty until then (the page keeps its order). */
    public javafx.beans.property.ReadOnlyObjectProperty<List<Choice>> orderProperty() {
        return order.getReadOnlyProperty();
    }

    private void describe(Choice choice) {
        if (words != null) {
            String effect = words.apply(new WhatIfChange(choice.kind(), choice.strength().get()));
            String hurts = reach.getOrDefault(choice.kind(), "");
            if (!hurts.isEmpty() && !effect.startsWith(ChangeWords.NOT_POSSIBLE)) {
                effect = effect + " " + hurts;
            }
            choice.effect().set(effect);
            boolean possible = !effect.startsWith(ChangeWords.NOT_POSSIBLE);
            choice.possible().set(possible);
            if (!possible) {
                choice.chosen().set(false);
            }
        }
    }

    List<WhatIfChange> chosenChanges() {
        return choices.stream().filter(c -> c.chosen().get())
                .map(c -> new WhatIfChange(c.kind(), c.strength().get())).toList();
    }

    String blocker() {
        return chosenChanges().isEmpty() ? "Tick at least one change that your data allows." : "";
    }
}
