package org.twinbench.data;

/** What a column is for in a model and a simulation. */
public enum ColumnRole {
    /** An input of the model. */
    FEATURE,
    /** The label the model predicts. */
    TARGET,
    /** A column results are broken down by (region, plan, ...), not a model input. */
    SLICE,
    /** When the row happened; orders the rows in simulated time. */
    TIMESTAMP,
    /** Identifies a row (customer id, application number); never a feature. */
    ID,
    /** Left out of everything. */
    IGNORE,
    /** Personal data (names, e-mails, phones, national ids): never a feature, masked in previews and reports. */
    PII
}
