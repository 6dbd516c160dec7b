package org.twinbench.sim;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives the random generator of one node at one step from the scenario seed, so that draws do not
 * depend on the order or thread in which nodes run.
 */
public final class Seeds {

    private Seeds() {
    }

    public static SplittableRandom random(long seed, String nodeId, int replicate, int step) {
        long h = mix(seed);
        for (byte b : nodeId.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ b);
        }
        h = mix(h ^ replicate);
        h = mix(h ^ step);
        return new SplittableRandom(h);
    }

    /** A standard normal draw (Box-Muller, cosine branch) from two uniforms of {@code random}. */
    public static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The SplitMix64 finaliser (Steele, Lea and Flood, 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
