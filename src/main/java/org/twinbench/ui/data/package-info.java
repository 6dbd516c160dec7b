/**
 * The data and model panel: columns and roles, data quality, the model card, training and comparing new data.
 */
package org.twinbench.ui.data;
