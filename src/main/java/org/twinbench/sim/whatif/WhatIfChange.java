package org.twinbench.sim.whatif;

import java.util.Locale;

/**
 * A change in the world that a small business owner can name without ML words, with how strong it
 * is (0 = a little, 1 = a lot). {@link WhatIfStudy} turns each into scenario nodes.
 */
public record WhatIfChange(Kind kind, double strength) {

    /** The changes the wizard offers, in everyday words. */
    public enum Kind {
        NEW_CUSTOMERS("new kinds of customers arrive"),
        PRICES_SHIFT("prices or incomes shift"),
        SEASON("a season comes round"),
        ENTRY_MISTAKES("data-entry mistakes creep in"),
        FIELD_STOPS("a field stops being filled"),
        GAMING("someone games the system");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** The change in everyday words, e.g. "prices or incomes shift". */
        public String words() {
            return words;
        }
    }

    public WhatIfChange {
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("strength must be between 0 and 1, not " + strength);
        }
    }

    /** "a little", "quite a bit" or "a lot". */
    public String strengthWords() {
        return strength < 0.34 ? "a little" : strength < 0.67 ? "quite a bit" : "a lot";
    }

    /** E.g. "If prices or incomes shift a lot". */
    public String ifClause() {
        String words = kind.words();
        return "If " + words + (kind == Kind.PRICES_SHIFT ? " " + strengthWords() : "")
                + (kind == Kind.PRICES_SHIFT ? "" : " (" + strengthWords() + ")");
    }

    public String id() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
