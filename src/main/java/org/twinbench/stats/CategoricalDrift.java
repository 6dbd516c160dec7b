package org.twinbench.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drift statistics of a categorical column over one bin per category seen on either side
 * (definitions in {@code docs/cli.md}).
 *
 * @param newCategories categories present in the current data but never in the reference
 * @param vanishedCategories reference categories absent from the current data
 */
public record CategoricalDrift(long referenceCount, long currentCount, double missingFractionReference,
                               double missingFractionCurrent, double chi2Statistic, double chi2PValue, int dof,
                               double psi, double jensenShannon, double hellinger, List<String> newCategories,
                               List<String> vanishedCategories) implements ColumnDrift {

    public CategoricalDrift {
        newCategories = List.copyOf(newCategories);
        vanishedCategories = List.copyOf(vanishedCategories);
    }

    @Override
    public String kind() {
        return "categorical";
    }

    @Override
    public Map<String, Double> statistics() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("chi2_statistic", chi2Statistic);
        map.put("chi2_pvalue", chi2PValue);
        map.put("psi", psi);
        map.put("jensen_shannon", jensenShannon);
        map.put("hellinger", hellinger);
        return map;
    }
}
