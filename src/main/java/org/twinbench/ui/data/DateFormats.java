package org.twinbench.ui.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Dataset;
import org.twinbench.data.DateTimes;
import org.twinbench.data.ValueKind;

/**
 * The date columns of a table that read month-first and day-first alike ({@code 4/5/2021}): the data
 * panel says so and lets the user choose, never guessing. The choice is a time format as
 * {@link org.twinbench.data.LoadOptions#withTimeFormat} and a source's {@code time_format} take it.
 */
final class DateFormats {

    /** Month first: 4/5/2021 is 5 April 2021. */
    static final String MONTH_FIRST = "M/d/yyyy";
    /** Day first: 4/5/2021 is 4 May 2021. */
    static final String DAY_FIRST = "d/M/yyyy";

    private DateFormats() {
    }

    /** One ambiguous column and a value of it that shows the two readings. */
    record Ambiguous(String column, String example) {
    }

    /** The columns of {@code read} whose dates fit both readings, but for those with a format in {@code chosen}. */
    static List<Ambiguous> ambiguous(Dataset read, Set<String> chosen) {
        List<Ambiguous> found = new ArrayList<>();
        for (String name : read.frame().columnNames()) {
            ValueKind kind = read.kind(name);
            Column column = read.frame().column(name);
            if (chosen.contains(name) || (kind != ValueKind.DATE && kind != ValueKind.TIMESTAMP)
                    || !(column instanceof CategoricalColumn text) || !DateTimes.ambiguous(text.levels())) {
                continue;
            }
            found.add(new Ambiguous(name, text.levels().stream().filter(v -> v != null && !v.isBlank())
                    .findFirst().orElse("")));
        }
        return found;
    }

    /** "4/5/2021 is 5 April 2021" for {@link #MONTH_FIRST}, in the words the dialog offers the choice in. */
    static String reading(String example, String pattern) {
        try {
            double seconds = DateTimes.recognise("example", List.of(example), pattern).seconds(example);
            java.time.LocalDate day = java.time.LocalDate.ofEpochDay(Math.floorDiv((long) seconds, 86_400L));
            return example + " is " + day.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                    java.util.Locale.ENGLISH));
        } catch (DateTimes.AmbiguousOrUnreadable e) {
            return e.getMessage();
        }
    }
}
