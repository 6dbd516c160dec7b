package org.twinbench.data;

/**
 * Hears how far a load has got. Called from the loading thread every few thousand rows; a user
 * interface must hand the figures to its own thread itself.
 */
@FunctionalInterface
public interface LoadListener {

    LoadListener NONE = (bytesRead, totalBytes, rows) -> { };

    /** {@code bytesRead} of {@code totalBytes} (-1 when unknown) read so far, {@code rows} data rows parsed. */
    void progress(long bytesRead, long totalBytes, long rows);
}
