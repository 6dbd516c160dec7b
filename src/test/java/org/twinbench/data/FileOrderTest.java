package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which column a file's rows are sorted by, on real data: statsmodels' 1996 election study extract comes sorted
 * by income (pandas: {@code income.is_monotonic_increasing}, 1 to 24, no other column sorted; see
 * src/test/resources/file-order/make_data.py).
 */
class FileOrderTest {

    static final Path ANES = Path.of("src/test/resources/file-order/anes96.csv");

    @Test
    void theElectionStudyIsSortedByIncomeAndByNothingElse() {
        Dataset anes = TableLoader.load(ANES);
        List<FileOrder.Sorted> sorted = FileOrder.sortedColumns(anes.frame(), anes);
        assertThat(sorted).containsExactly(new FileOrder.Sorted("income", true, "1", "24"));
        assertThat(sorted.get(0).describe()).isEqualTo("income (1 to 24, rising)");
    }

    @Test
    void theSameRowsShuffledAreSortedByNothing() {
        Dataset anes = TableLoader.load(ANES);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < anes.frame().rowCount(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(3));
        Frame shuffled = anes.frame().select(order.stream().mapToInt(Integer::intValue).toArray());
        assertThat(FileOrder.sortedBy(shuffled, anes)).isEmpty();
    }

    @Test
    void aFileWithEverySpamRowFirstIsSortedByItsLabelButRowIdsAndDatesDoNotCount(@TempDir Path dir)
            throws Exception {
        StringBuilder csv = new StringBuilder("id,day,words,label\n");
        Random random = new Random(5);
        for (int i = 0; i < 60; i++) {
            csv.append(1000 + i).append(",2024-01-").append(String.format("%02d", 1 + i / 3)).append(',')
                    .append(random.nextInt(300)).append(',').append(i < 25 ? "spam" : "ham").append('\n');
        }
        Path file = dir.resolve("mail.csv");
        Files.writeString(file, csv);
        Dataset mail = TableLoader.load(file);
        // Text sorts by its letters: "spam" then "ham" only falls.
        assertThat(FileOrder.sortedColumns(mail.frame(), mail))
                .containsExactly(new FileOrder.Sorted("label", false, "spam", "ham"));
    }

    @Test
    void aShortOrConstantColumnSaysNothing(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 19; i++) {
            csv.append(i / 5).append(",x\n");
        }
        Path file = dir.resolve("short.csv");
        Files.writeString(file, csv);
        Dataset table = TableLoader.load(file);
        assertThat(FileOrder.sortedColumns(table.frame(), table)).isEmpty();
    }
}
