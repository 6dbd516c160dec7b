package org.twinbench.data;

/** A loaded table together with its provenance. */
public record Dataset(Frame frame, DataProvenance provenance) {
}
