/**
 * Tabular data: loading CSV/TSV (TwinBench's own streaming parser, with encoding, delimiter, quote
 * and header detection) and Excel files into the engine's columnar {@link org.twinbench.data.Frame};
 * value kinds (numbers, text, dates, timestamps) and type overrides; progress and cancellation of a
 * load; the {@link org.twinbench.data.Schema} with column roles (slices proposed for groupings such as
 * region or age band) and personal-data detection and masking; data-quality findings; provenance
 * hashes; and the bundled sample-data generators.
 * Nothing here knows about models, simulations or the user interface.
 */
package org.twinbench.data;
