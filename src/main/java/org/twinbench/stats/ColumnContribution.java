package org.twinbench.stats;

/**
 * How much one column contributes to a multivariate drift statistic: a share of a domain classifier's split
 * importance ({@link DomainClassifierDrift}) or a column's rise in squared reconstruction error
 * ({@link ReconstructionDrift}).
 */
public record ColumnContribution(String column, double contribution) {

    /** Multivariate drift lists at most this many columns, the largest contributions first. */
    public static final int LISTED = 3;
}
