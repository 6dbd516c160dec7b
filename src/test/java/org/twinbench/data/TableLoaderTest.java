package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableLoaderTest {

    @TempDir
    Path dir;

    @Test
    void numericWhenEveryPresentCellParses() throws IOException {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "a,b,c\n1,x,NA\n2.5,,3\nnull,y,4\n");
        Frame frame = TableLoader.load(file).frame();
        assertThat(frame.column("a")).isInstanceOf(NumericColumn.class);
        assertThat(frame.numeric("a").values()).containsExactly(1, 2.5, Double.NaN);
        assertThat(frame.column("b")).isInstanceOf(CategoricalColumn.class);
        assertThat(frame.categorical("b").get(1)).isNull();
        assertThat(frame.numeric("c").missingCount()).isEqualTo(1);
    }

    @Test
    void tabSeparatedAndByteOrderMarkAreHandled() throws IOException {
        Path file = dir.resolve("t.tsv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "name\tvalue\n\"a, b\"\t1\nc\t2\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Files.write(file, all);
        Frame frame = TableLoader.load(file).frame();
        assertThat(frame.columnNames()).containsExactly("name", "value");
        assertThat(frame.categorical("name").get(0)).isEqualTo("a, b");
    }

    @Test
    void provenanceCarriesTheFileHash() throws IOException {
        Path file = dir.resolve("h.csv");
        Files.writeString(file, "x\n1\n");
        // sha256("x\n1\n") computed with coreutils sha256sum.
        assertThat(TableLoader.load(file).provenance().sha256())
                .isEqualTo("daff832f802000e645771a60983c76c963f6ee602a6230e45237bd360e91cc1a");
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path file = dir.resolve("e.csv");
        Files.writeString(file, "");
        assertThatThrownBy(() -> TableLoader.load(file)).isInstanceOf(DataException.class)
                .hasMessageContaining("e.csv").hasMessageContaining("empty");
    }

    @Test
    void csvWriterNeutralisesFormulaCells() {
        assertThat(CsvWriter.escape("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(CsvWriter.escape("-3.5")).isEqualTo("-3.5");
        assertThat(CsvWriter.escape("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
    }
}
