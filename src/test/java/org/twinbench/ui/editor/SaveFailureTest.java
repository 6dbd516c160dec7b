package org.twinbench.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SaveFailureTest {

    /** The kernel's own "disk full" (ENOSPC) from writing to /dev/full, in the user's words. */
    @Test
    void theKernelsDiskFullBecomesOneLineInTheUsersWords() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "no /dev/full on this system");
        IOException failure = null;
        try (OutputStream out = Files.newOutputStream(full)) {
            out.write(new byte[4096]);
            out.flush();
        } catch (IOException e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        Path target = Path.of("/tmp", "work.twin.json");
        assertThat(SaveFailure.explain(target, failure))
                .isEqualTo("Cannot save " + target + ": the disk is full; free some space or save elsewhere");
    }
}
