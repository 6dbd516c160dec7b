package org.twinbench.scenario;

/**
 * What flows along an edge. An output connects only to an input of the same type.
 * <ul>
 *   <li>{@code BATCH}: rows of features and labels (sources and perturbations);</li>
 *   <li>{@code SCORED}: a batch with the model's scores (models);</li>
 *   <li>{@code SIGNALS}: drift statistics and alarms (monitors), read by policies;</li>
 *   <li>{@code ACTIONS}: retrain / rollback / promote decisions (policies), read by models.</li>
 * </ul>
 */
public enum PortType { BATCH, SCORED, SIGNALS, ACTIONS }
