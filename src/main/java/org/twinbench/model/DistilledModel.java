package org.twinbench.model;

import org.twinbench.data.Frame;

/**
 * A student distilled from a teacher ({@link Distillation#distil}), served in the teacher's place: it scores as
 * the student, and keeps the teacher so that a run can measure what serving the student costs and saves, step by
 * step, against the model it replaces. The figures were measured when the student was distilled.
 *
 * @param teacher the model the student learnt from
 * @param student the model served
 * @param kind the student's name in the scenario ({@code logistic} or {@code tree})
 * @param distilNanos wall time of fitting the student, teacher's scores included
 * @param studentNanosPerRow the student's measured scoring time per row ({@link Distillation#nanosPerRow})
 * @param teacherNanosPerRow the teacher's, timed on the same rows at the same time
 * @param studentBytes the student's size as a {@code .twinmodel} file
 * @param teacherBytes the teacher's file size (-1 unknown)
 * @param rows the rows the student learnt the teacher's scores on
 * @param agreement the share of those rows on which the student decides as the teacher at a score of 0.5
 */
public record DistilledModel(BinaryClassifier teacher, BinaryClassifier student, String kind, long distilNanos,
                             double studentNanosPerRow, double teacherNanosPerRow, long studentBytes,
                             long teacherBytes, int rows, double agreement) implements BinaryClassifier {

    @Override
    public double[] scorePositive(Frame batch) {
        return student.scorePositive(batch);
    }

    @Override
    public ModelCard card() {
        return student.card();
    }

    /** The student's scoring time over the teacher's (1 when either is unknown). */
    public double speedRatio() {
        double ratio = studentNanosPerRow / teacherNanosPerRow;
        return Double.isFinite(ratio) && ratio > 0 ? ratio : 1;
    }
}
