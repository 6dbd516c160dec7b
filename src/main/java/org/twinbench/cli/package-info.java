/**
 * The headless command line (picocli). It uses the same engine as the window, never starts the
 * JavaFX toolkit, prints JSON with {@code --json}, and exits 0 (success), 1 (an {@code --assert}
 * gate failed) or 2 (bad input, with a one-line reason on stderr), as {@code docs/cli.md} says.
 */
package org.twinbench.cli;
