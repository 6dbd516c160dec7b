package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

/** The bad-input contract of docs/cli.md: exit 2 and one line on stderr, without a stack trace. */
final class BadInput {

    private BadInput() {
    }

    static void assertRejected(String expectedMessage, String... args) {
        CliRunner result = CliRunner.run(args);
        assertThat(result.exitCode()).as(result.out()).isEqualTo(2);
        assertThat(result.err().strip()).contains(expectedMessage).doesNotContain("\n").doesNotContain("Exception");
    }
}
