package org.twinbench.data;

/**
 * One column of a {@link Schema}.
 *
 * @param pii    the kind of personal data the column holds, or null
 * @param reason why the role was chosen, in the user's words (shown next to it)
 */
public record ColumnSchema(String name, ValueKind kind, ColumnRole role, PiiKind pii, String reason) {

    public ColumnSchema withRole(ColumnRole newRole, String why) {
        return new ColumnSchema(name, kind, newRole, pii, why);
    }
}
