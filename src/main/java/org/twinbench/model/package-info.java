/**
 * Model artifacts: the feature encoding saved with a model, training with Smile, and batch scoring
 * of a {@link org.twinbench.data.Frame}. No simulation and no user interface here.
 */
package org.twinbench.model;
