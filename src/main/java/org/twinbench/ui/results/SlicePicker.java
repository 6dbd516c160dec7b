package org.twinbench.ui.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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
        binding.addAll(slices);
        slices.addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    binding.syncing = true;
                    picker.getItems().removeAll(change.getRemoved());
                    binding.syncing = false;
                }
                binding.addAll(change.getAddedSubList());
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

    /**
     * Lists the {@code slices} the picker lacks, in one change, and ticks those shown, in one more: a run's first
     * steps bring all its slices at once, and each change re-lays out the picker's text.
     */
    private void addAll(List<? extends String> slices) {
        List<String> fresh = new ArrayList<>();
        for (String slice : slices) {
            if (!picker.getItems().contains(slice) && !fresh.contains(slice)) {
                fresh.add(slice);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        syncing = true;
        int first = picker.getItems().size();
        picker.getItems().addAll(fresh);
        int[] ticked = new int[fresh.size()];
        int count = 0;
        for (int i = 0; i < fresh.size(); i++) {
            if (shown.apply(fresh.get(i)).get()) {
                ticked[count++] = first + i;
            }
        }
        if (count > 0) {
            picker.getCheckModel().checkIndices(Arrays.copyOf(ticked, count));
        }
        syncing = false;
        for (String slice : fresh) {
            follow(slice);
        }
    }

    /** Ticks and unticks {@code slice} as its "shown" choice changes (once per slice). */
    private void follow(String slice) {
        if (!followed.add(slice)) {
            return;
        }
        shown.apply(slice).addListener((obs, was, now) -> {
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
