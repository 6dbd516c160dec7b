package org.twinbench.sim.source;

import java.util.List;
import java.util.SplittableRandom;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

/**
 * The Agrawal stream (Agrawal, Imielinski and Swami, IEEE TKDE 1993; MOA's {@code AgrawalGenerator}):
 * nine attributes of a loan applicant and ten class functions (0 = group A, 1 = group B). Values:
 * salary U[20k, 150k]; commission 0 if salary ≥ 75k, else U[10k, 75k]; age 20-80; education level
 * 0-4; car 1-20; zip code 0-8; house value (9 − zip) · 100k · U[0.5, 1.5]; years in house 1-30;
 * loan U[0, 500k]. After the class is set, the numeric attributes are perturbed by up to
 * {@code ± perturbation} of their range (clipped to it), as MOA does.
 */
public record AgrawalGenerator(int function, int driftTo, double perturbation)
        implements SyntheticSource.StreamGenerator {

    /** The class (0 or 1) under function 1-10, as in MOA's {@code classificationFunctions}. */
    public static int classOf(int function, double salary, double commission, int age, int elevel, int car,
                              int zipcode, double hvalue, int hyears, double loan) {
        return switch (function) {
            case 1 -> age < 40 || 60 <= age ? 0 : 1;
            case 2 -> age < 40 ? in(salary, 50_000, 100_000) : age < 60 ? in(salary, 75_000, 125_000)
                    : in(salary, 25_000, 75_000);
            case 3 -> age < 40 ? (elevel == 0 || elevel == 1 ? 0 : 1)
                    : age < 60 ? (elevel >= 1 && elevel <= 3 ? 0 : 1) : (elevel >= 2 && elevel <= 4 ? 0 : 1);
            case 4 -> age < 40 ? (elevel == 0 || elevel == 1 ? in(salary, 25_000, 75_000) : in(salary, 50_000, 100_000))
                    : age < 60 ? (elevel >= 1 && elevel <= 3 ? in(salary, 50_000, 100_000) : in(salary, 75_000, 125_000))
                    : (elevel >= 2 && elevel <= 4 ? in(salary, 50_000, 100_000) : in(salary, 25_000, 75_000));
            case 5 -> age < 40 ? (in(salary, 50_000, 100_000) == 0 ? in(loan, 100_000, 300_000) : in(loan, 200_000, 400_000))
                    : age < 60 ? (in(salary, 75_000, 125_000) == 0 ? in(loan, 200_000, 400_000) : in(loan, 300_000, 500_000))
                    : (in(salary, 25_000, 75_000) == 0 ? in(loan, 300_000, 500_000) : in(loan, 100_000, 300_000));
            case 6 -> {
                double total = salary + commission;
                yield age < 40 ? in(total, 50_000, 100_000) : age < 60 ? in(total, 75_000, 125_000)
                        : in(total, 25_000, 75_000);
            }
            // Disposable income: two thirds of the total salary, less loan and education terms.
            case 7 -> 2 * (salary + commission) / 3 - loan / 5 - 20_000 > 0 ? 0 : 1;
            case 8 -> 2 * (salary + commission) / 3 - 5_000 * elevel - 20_000 > 0 ? 0 : 1;
            case 9 -> 2 * (salary + commission) / 3 - 5_000 * elevel - loan / 5 - 10_000 > 0 ? 0 : 1;
            case 10 -> {
                double equity = hyears >= 20 ? hvalue * (hyears - 20) / 10 : 0;
                yield 2 * (salary + commission) / 3 - 5_000 * elevel + equity / 5 - 10_000 > 0 ? 0 : 1;
            }
            default -> throw new IllegalArgumentException("Agrawal functions are 1-10, not " + function);
        };
    }

    /** 0 (group A) when low ≤ value ≤ high, else 1. */
    private static int in(double value, double low, double high) {
        return low <= value && value <= high ? 0 : 1;
    }

    @Override
    public Frame generate(int rows, double newConcept, int replicate, int step, SplittableRandom random) {
        double[] salary = new double[rows];
        double[] commission = new double[rows];
        double[] age = new double[rows];
        int[] elevel = new int[rows];
        int[] car = new int[rows];
        int[] zipcode = new int[rows];
        double[] hvalue = new double[rows];
        double[] hyears = new double[rows];
        double[] loan = new double[rows];
        double[] label = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 20_000 + 130_000 * random.nextDouble();
            double c = s >= 75_000 ? 0 : 10_000 + 65_000 * random.nextDouble();
            int a = 20 + random.nextInt(61);
            int e = random.nextInt(5);
            int cr = 1 + random.nextInt(20);
            int z = random.nextInt(9);
            double hv = (9 - z) * 100_000 * (0.5 + random.nextDouble());
            int hy = 1 + random.nextInt(30);
            double l = 500_000 * random.nextDouble();
            int concept = random.nextDouble() < newConcept ? driftTo : function;
            label[i] = classOf(concept, s, c, a, e, cr, z, hv, hy, l);
            salary[i] = perturb(s, 20_000, 150_000, random);
            commission[i] = c > 0 ? perturb(c, 10_000, 75_000, random) : 0;
            age[i] = Math.round(perturb(a, 20, 80, random));
            elevel[i] = e;
            car[i] = cr - 1;
            zipcode[i] = z;
            hvalue[i] = perturb(hv, 0, 1_350_000, random);
            hyears[i] = Math.round(perturb(hy, 1, 30, random));
            loan[i] = perturb(l, 0, 500_000, random);
        }
        return new Frame(List.of(new NumericColumn("salary", salary), new NumericColumn("commission", commission),
                new NumericColumn("age", age), new CategoricalColumn("elevel", elevel, levels("level", 0, 5)),
                new CategoricalColumn("car", car, levels("car", 1, 20)),
                new CategoricalColumn("zipcode", zipcode, levels("zipcode", 0, 9)), new NumericColumn("hvalue", hvalue),
                new NumericColumn("hyears", hyears), new NumericColumn("loan", loan), new NumericColumn(LABEL, label)));
    }

    private double perturb(double value, double min, double max, SplittableRandom random) {
        if (perturbation == 0) {
            return value;
        }
        double moved = value + (max - min) * perturbation * (2 * random.nextDouble() - 1);
        return Math.min(max, Math.max(min, moved));
    }

    private static List<String> levels(String prefix, int first, int count) {
        return java.util.stream.IntStream.range(first, first + count).mapToObj(i -> prefix + i).toList();
    }
}
