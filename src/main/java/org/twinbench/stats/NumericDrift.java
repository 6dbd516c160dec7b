package org.twinbench.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drift statistics of a numeric column (definitions in {@code docs/cli.md}; Hellinger over the PSI bins,
 * Anderson–Darling as {@link AndersonDarling}).
 */
public record NumericDrift(long referenceCount, long currentCount, double missingFractionReference,
                           double missingFractionCurrent, double ksStatistic, double ksPValue, double wasserstein,
                           double wassersteinNormed, double psi, double jensenShannon, double hellinger,
                           double andersonDarling, double andersonDarlingPValue) implements ColumnDrift {

    @Override
    public String kind() {
        return "numeric";
    }

    @Override
    public Map<String, Double> statistics() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("ks_statistic", ksStatistic);
        map.put("ks_pvalue", ksPValue);
        map.put("wasserstein", wasserstein);
        map.put("wasserstein_normed", wassersteinNormed);
        map.put("psi", psi);
        map.put("jensen_shannon", jensenShannon);
        map.put("hellinger", hellinger);
        map.put("anderson_darling", andersonDarling);
        map.put("anderson_darling_pvalue", andersonDarlingPValue);
        return map;
    }
}
