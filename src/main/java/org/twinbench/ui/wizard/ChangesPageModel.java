package org.twinbench.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.twinbench.sim.whatif.WhatIfChange;

/** Page 4, "What might change": which changes to try, and how strong each is. */
public final class ChangesPageModel {

    /**
     * One change the user can tick, with its strength from "a little" (0) to "a lot" (1).
     *
     * @param id the control's id, e.g. {@code change-season}
     * @param label the change in everyday words, e.g. "Prices or incomes shift"
     */
    public record Choice(String id, String label, WhatIfChange.Kind kind, BooleanProperty chosen,
                         DoubleProperty strength) { }

    private final List<Choice> choices = new ArrayList<>();

    ChangesPageModel() {
        for (WhatIfChange.Kind kind : WhatIfChange.Kind.values()) {
            // Prices and new customers are what most businesses meet first: ticked to start with.
            choices.add(new Choice("change-" + kind.name().toLowerCase(Locale.ROOT), WizardWords.capitalised(kind.words()),
                    kind, new SimpleBooleanProperty(kind == WhatIfChange.Kind.PRICES_SHIFT
                            || kind == WhatIfChange.Kind.NEW_CUSTOMERS), new SimpleDoubleProperty(0.5)));
        }
    }

    /** Every change the wizard offers, in its order. */
    public List<Choice> choices() {
        return choices;
    }

    List<WhatIfChange> chosenChanges() {
        return choices.stream().filter(c -> c.chosen().get())
                .map(c -> new WhatIfChange(c.kind(), c.strength().get())).toList();
    }

    String blocker() {
        return chosenChanges().isEmpty() ? "Tick at least one change." : "";
    }
}
