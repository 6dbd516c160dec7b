package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading reads dates by {@link DateTimes}' rule, as the calendar replay does: US, European and ISO columns
 * are dates; a slashed column whose values fit both month-first and day-first is never read month-first
 * silently. Epoch days below are Python's {@code (date(y, m, d) - date(1970, 1, 1)).days}.
 */
class DateColumnsTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void usEuropeanAndIsoColumnsAreDatesAndReadToTheSameDays() throws IOException {
        // The same three days, 2021-04-15, 2021-12-31 and 2022-01-02, in each form (file order shuffled).
        Path file = write("forms.csv", "us,eu,dotted,iso,n\n"
                + "12/31/2021,31/12/2021,31.12.2021,2021-12-31,1\n"
                + "4/15/2021,15/4/2021,15.4.2021,2021-04-15,2\n"
                + "1/2/2022,2/1/2022,2.1.2022,2022-01-02,3\n");
        Dataset plain = TableLoader.load(file);
        for (String column : new String[] {"us", "eu", "dotted", "iso"}) {
            assertThat(plain.kind(column)).as(column).isEqualTo(ValueKind.DATE);
        }
        LoadOptions asDates = LoadOptions.detect();
        for (String column : new String[] {"us", "eu", "dotted", "iso"}) {
            asDates = asDates.withType(column, ValueKind.DATE);
        }
        Frame frame = TableLoader.load(file, asDates).frame();
        for (String column : new String[] {"us", "eu", "dotted", "iso"}) {
            assertThat(frame.numeric(column).values()).as(column).containsExactly(18992, 18732, 18994);
        }
    }

    @Test
    void usDatesWithTimesAreTimestamps() throws IOException {
        Path file = write("times.csv", "at\n4/15/2021 13:45\n4/16/2021\n");
        assertThat(TableLoader.load(file).kind("at")).isEqualTo(ValueKind.TIMESTAMP);
        Frame frame = TableLoader.load(file, LoadOptions.detect().withType("at", ValueKind.TIMESTAMP)).frame();
        // 2021-04-15 13:45 UTC is 1618494300 s; 2021-04-16 is day 18733.
        assertThat(frame.numeric("at").values()).containsExactly(1618494300.0, 18733 * 86_400.0);
    }

    @Test
    void trainingLeavesOutEveryDatedColumnAsTheReplayRecognisesIt() throws IOException {
        // Training proposes roles with Schema.infer: dated columns are the time, never features (US and
        // European dates with times were text before, and each distinct value made them look like ids).
        Path file = write("train.csv", "us_at,eu_at,ambiguous,x,y\n"
                + "4/15/2021 13:45,15/4/2021 13:45,3/4/2021,1.5,yes\n"
                + "4/16/2021 08:00,16/4/2021 08:00,12/1/2021,2.5,no\n"
                + "4/17/2021 09:30,17/4/2021 09:30,5/6/2021,0.5,yes\n");
        Schema schema = Schema.infer(TableLoader.load(file), "y");
        assertThat(schema.role("us_at")).isEqualTo(ColumnRole.TIMESTAMP);
        assertThat(schema.role("eu_at")).isEqualTo(ColumnRole.TIMESTAMP);
        assertThat(schema.role("ambiguous")).isEqualTo(ColumnRole.TIMESTAMP);
        assertThat(schema.features()).containsExactly("x");
    }

    @Test
    void ambiguousSlashedColumnIsDatesButItsValuesAreNeverReadMonthFirstSilently() throws IOException {
        Path file = write("ambiguous.csv", "signup,n\n3/4/2021,1\n12/1/2021,2\n");
        Dataset plain = TableLoader.load(file);
        assertThat(plain.kind("signup")).isEqualTo(ValueKind.DATE);
        assertThat(Schema.infer(plain, null).role("signup")).isEqualTo(ColumnRole.TIMESTAMP);
        assertThat(plain.notes()).anySatisfy(note -> assertThat(note)
                .contains("'signup' can be read month-first or day-first").contains("2021-03-04 or 2021-04-03"));

        assertThatThrownBy(() -> TableLoader.load(file, LoadOptions.detect().withType("signup", ValueKind.DATE)))
                .isInstanceOf(DataException.class).hasMessageStartingWith(file.toString())
                .hasMessageContaining("set its time format to M/d/yyyy or d/M/yyyy");

        Frame dayFirst = TableLoader.load(file, LoadOptions.detect().withType("signup", ValueKind.DATE)
                .withTimeFormat("signup", "d/M/yyyy")).frame();
        // 2021-04-03 is day 18720; 2021-01-12 is day 18639.
        assertThat(dayFirst.numeric("signup").values()).containsExactly(18720, 18639);
        Frame monthFirst = TableLoader.load(file, LoadOptions.detect().withType("signup", ValueKind.DATE)
                .withTimeFormat("signup", "M/d/yyyy")).frame();
        // 2021-03-04 is day 18690; 2021-12-01 is day 18962.
        assertThat(monthFirst.numeric("signup").values()).containsExactly(18690, 18962);
    }

    @Test
    void aValueThatDoesNotFitTheGivenFormatIsNamedWithItsLine() throws IOException {
        Path file = write("bad.csv", "signup\n3/4/2021\n13/4/2021\n");
        assertThatThrownBy(() -> TableLoader.load(file, LoadOptions.detect().withType("signup", ValueKind.DATE)
                .withTimeFormat("signup", "M/d/yyyy")))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ": line 3: column 'signup' holds '13/4/2021', which is not a date written M/d/yyyy");
        assertThatThrownBy(() -> TableLoader.load(file, LoadOptions.detect().withType("signup", ValueKind.DATE)
                .withTimeFormat("signup", "pp/qq")))
                .isInstanceOf(DataException.class).hasMessageContaining("'pp/qq' is not a date pattern");
        assertThatThrownBy(() -> TableLoader.load(file, LoadOptions.detect().withTimeFormat("joined", "d/M/yyyy")))
                .isInstanceOf(DataException.class).hasMessageContaining("no column 'joined'");
    }

    @Test
    void aDateColumnWithATimeIsNotReadAsPlainDates() throws IOException {
        Path file = write("mixed.csv", "at\n2021-04-15\n2021-04-16 08:00\n");
        assertThatThrownBy(() -> TableLoader.load(file, LoadOptions.detect().withType("at", ValueKind.DATE)))
                .isInstanceOf(DataException.class).hasMessageContaining("line 3")
                .hasMessageContaining("'2021-04-16 08:00'");
    }

    @Test
    void textThatIsNoDateIsNamedWhenReadAsDates() throws IOException {
        Path file = write("words.csv", "when\n4/15/2021\nsoon\n");
        assertThat(TableLoader.load(file).kind("when")).isEqualTo(ValueKind.TEXT);
        assertThatThrownBy(() -> TableLoader.load(file, LoadOptions.detect().withType("when", ValueKind.DATE)))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ": line 3: column 'when' holds 'soon', which is not a date");
    }
}
