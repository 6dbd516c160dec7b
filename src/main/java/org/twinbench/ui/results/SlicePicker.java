package org.twinbench.ui.results;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.controlsfx.control.CheckComboBox;

/**
 * The results' slice picker: a ControlsFX {@link CheckComboBox} listing the run's slices, several ticked
 * at once, each tick the slice's "shown" choice in the view model ({@link LiveChartsViewModel#shownProperty}),
 * both ways, for as long as the view model keeps the choice (a run: a new run shows every slice again).
 */
final class SlicePicker {

    private final CheckComboBox<String> picker;
    private final Function<String, BooleanProperty> shown;
    /** Slices whose "shown" choice the picker follows already (a slice listed again is not followed twice). */
    private final Set<String> followed = new HashSet<>();
    /** True while the picker is set from the view model, so that its own listener does not write back. */
    private boolean syncing;

    private SlicePicker(CheckComboBox<String> picker, Function<String, BooleanProperty> shown) {
        this.picker = picker;
        this.shown = shown;
    }

    /** Lists {@code slices} in {@code picker}, each ticked as {@code shown} says, and keeps both in step. */
    static void bind(CheckComboBox<String> picker, ObservableList<String> slices,
                     Function<String, BooleanProperty> shown) {
        SlicePicker binding = new SlicePicker(picker, shown);
        slices.forEach(binding::add);
        slices.addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    binding.syncing = true;
                    picker.getItems().removeAll(change.getRemoved());
                    binding.syncing = false;
                }
                change.getAddedSubList().forEach(binding::add);
            }
        });
        picker.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) change -> {
            if (binding.syncing) {
                return;
            }
            for (String slice : picker.getItems()) {
                shown.apply(slice).set(picker.getCheckModel().isChecked(slice));
            }
        });
    }

    private void add(String slice) {
        if (picker.getItems().contains(slice)) {
            return;
        }
        syncing = true;
        picker.getItems().add(slice);
        BooleanProperty visible = shown.apply(slice);
        if (visible.get()) {
            picker.getCheckModel().check(slice);
        }
        syncing = false;
        if (!followed.add(slice)) {
            return;
        }
        visible.addListener((obs, was, now) -> {
            if (now != picker.getCheckModel().isChecked(slice) && picker.getItems().contains(slice)) {
                syncing = true;
                if (now) {
                    picker.getCheckModel().check(slice);
                } else {
                    picker.getCheckModel().clearCheck(slice);
                }
                syncing = false;
            }
        });
    }
}
