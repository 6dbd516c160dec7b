package org.twinbench.data;

import java.nio.charset.Charset;

/**
 * The detected (or given) format of a delimited text file.
 *
 * @param bomLength bytes of byte-order mark to skip at the start
 */
public record TextFormat(Charset charset, int bomLength, char delimiter, char quote, boolean header) {
}
