/**
 * Model artifacts: the feature encoding saved with a model, training with Smile (logistic
 * regression, random forest, gradient boosting) with a seeded holdout, {@code .twinmodel} bundles
 * read through a deserialisation allow-list, ONNX models run by ONNX Runtime, the schema check
 * before scoring, and batch scoring of a {@link org.twinbench.data.Frame}. No simulation and no user
 * interface here.
 */
package org.twinbench.model;
