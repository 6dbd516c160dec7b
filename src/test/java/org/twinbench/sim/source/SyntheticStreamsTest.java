package org.twinbench.sim.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Frame;
import org.twinbench.scenario.Schedule;

/** The synthetic streams follow MOA's definitions; MOA (test scope) is the reference. */
class SyntheticStreamsTest {

    /** An instance of MOA's anonymous class function {@code outer$index} (no MOA option classes needed). */
    private static Object moaFunction(String outer, int index) throws ReflectiveOperationException {
        Constructor<?> constructor = Class.forName("moa.streams.generators." + outer + "$" + index)
                .getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    @Test
    void seaFunctionsMatchMoa() throws ReflectiveOperationException {
        SplittableRandom random = new SplittableRandom(1);
        for (int f = 1; f <= 4; f++) {
            Object moa = moaFunction("SEAGenerator", f);
            Method determine = moa.getClass().getMethod("determineClass", double.class, double.class, double.class);
            determine.setAccessible(true);
            for (int i = 0; i < 2000; i++) {
                double x1 = 10 * random.nextDouble();
                double x2 = 10 * random.nextDouble();
                double x3 = 10 * random.nextDouble();
                assertThat(SeaGenerator.classOf(f, x1, x2)).as("function %d at (%f, %f)", f, x1, x2)
                        .isEqualTo(determine.invoke(moa, x1, x2, x3));
            }
        }
    }

    @Test
    void agrawalFunctionsMatchMoa() throws ReflectiveOperationException {
        SplittableRandom random = new SplittableRandom(2);
        for (int f = 1; f <= 10; f++) {
            Object moa = moaFunction("AgrawalGenerator", f);
            Method determine = moa.getClass().getMethod("determineClass", double.class, double.class, int.class,
                    int.class, int.class, int.class, double.class, int.class, double.class);
            determine.setAccessible(true);
            for (int i = 0; i < 3000; i++) {
                double salary = 20_000 + 130_000 * random.nextDouble();
                double commission = salary >= 75_000 ? 0 : 10_000 + 65_000 * random.nextDouble();
                int age = 20 + random.nextInt(61);
                int elevel = random.nextInt(5);
                int car = 1 + random.nextInt(20);
                int zipcode = random.nextInt(9);
                double hvalue = (9 - zipcode) * 100_000 * (0.5 + random.nextDouble());
                int hyears = 1 + random.nextInt(30);
                double loan = 500_000 * random.nextDouble();
                assertThat(AgrawalGenerator.classOf(f, salary, commission, age, elevel, car, zipcode, hvalue, hyears, loan))
                        .as("function %d", f)
                        .isEqualTo(determine.invoke(moa, salary, commission, age, elevel, car, zipcode, hvalue, hyears,
                                loan));
            }
        }
    }

    @Test
    void seaSwitchesConceptAtTheDriftStep() {
        SyntheticSource source = new SyntheticSource("sea", new SeaGenerator(1, 3, 0.0), 1000,
                new Schedule(Schedule.Kind.SUDDEN, 5, 5, 0));
        for (int step : new int[] {4, 5}) {
            Frame batch = source.batch(step, 0, new SplittableRandom(step));
            double theta = step < 5 ? 8 : 7;
            double[] x1 = batch.numeric("x1").values();
            double[] x2 = batch.numeric("x2").values();
            double[] y = batch.numeric("class").values();
            for (int i = 0; i < y.length; i++) {
                assertThat(y[i]).isEqualTo(x1[i] + x2[i] <= theta ? 0 : 1);
            }
        }
    }

    @Test
    void seaNoiseFlipsItsShare() {
        Frame batch = new SeaGenerator(2, 2, 0.1).generate(20_000, 0, 0, 0, new SplittableRandom(3));
        double[] x1 = batch.numeric("x1").values();
        double[] x2 = batch.numeric("x2").values();
        double[] y = batch.numeric("class").values();
        int flipped = 0;
        for (int i = 0; i < y.length; i++) {
            flipped += y[i] != SeaGenerator.classOf(2, x1[i], x2[i]) ? 1 : 0;
        }
        assertThat(flipped / 20_000.0).isCloseTo(0.1, org.assertj.core.data.Offset.offset(4 * Math.sqrt(0.09 / 20_000)));
    }

    @Test
    void hyperplaneWeightsDriftOnlyOnDriftingAttributesAndDecideTheClass() {
        HyperplaneGenerator plane = new HyperplaneGenerator(9, "plane", 5, 2, 0.001, 0.0, 0.0, 100, s -> 1.0);
        double[] w0 = plane.initialWeights();
        double[] w3 = plane.weights(0, 3);
        // No reversal: three steps of 100 rows move a drifting weight by 3 * 100 * 0.001.
        assertThat(w3[0]).isCloseTo(w0[0] + 0.3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(w3[1]).isCloseTo(w0[1] + 0.3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(w3[2]).isEqualTo(w0[2]);
        Frame batch = plane.generate(500, 0, 0, 3, new SplittableRandom(4));
        double half = java.util.Arrays.stream(w3).sum() / 2;
        for (int r = 0; r < 500; r++) {
            double sum = 0;
            for (int i = 0; i < 5; i++) {
                sum += w3[i] * batch.numeric("x" + (i + 1)).values()[r];
            }
            assertThat(batch.numeric("class").values()[r]).isEqualTo(sum >= half ? 1 : 0);
        }
    }

    @Test
    void hyperplaneStandsStillWhenTheScheduleIsOff() {
        HyperplaneGenerator plane = new HyperplaneGenerator(9, "plane", 5, 2, 0.001, 0.5, 0.0, 100,
                s -> s < 10 ? 0.0 : 1.0);
        assertThat(plane.weights(0, 10)).isEqualTo(plane.initialWeights());
        assertThat(plane.weights(0, 11)).isNotEqualTo(plane.initialWeights());
    }
}
