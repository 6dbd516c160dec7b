package org.twinbench.data;

/** The kinds of personal data TwinBench recognises in a column. */
public enum PiiKind {
    NAME, EMAIL, PHONE, NATIONAL_ID
}
