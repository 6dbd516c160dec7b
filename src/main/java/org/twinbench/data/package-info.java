/**
 * Tabular data: loading CSV/TSV and Excel files (through Tablesaw) into the engine's columnar
 * {@link org.twinbench.data.Frame}, column kinds, provenance hashes and the bundled sample-data
 * generators. Nothing here knows about models, simulations or the user interface.
 */
package org.twinbench.data;
