package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drift lists the new and vanished categories of a column of personal data masked, never in clear. */
class PersonalDataDriftTest {

    @TempDir
    Path dir;

    private Path table(String name, String prefix) throws IOException {
        List<String> lines = new ArrayList<>(List.of("email,spend"));
        for (int i = 0; i < 200; i++) {
            lines.add(prefix + (i % 40) + "@mail.example," + (i % 13));
        }
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }

    @Test
    void newAndVanishedAddressesAreMasked() throws IOException {
        CliRunner result = CliRunner.run("drift", "--reference", table("ref.csv", "alice").toString(), "--current",
                table("cur.csv", "bob").toString(), "--json");
        assertThat(result.exitCode()).as(result.err()).isIn(0, 1);
        assertThat(result.out()).contains("\"new_category_count\" : 40").contains("\"vanished_category_count\" : 40")
                .doesNotContain("alice").doesNotContain("bob");
    }
}
