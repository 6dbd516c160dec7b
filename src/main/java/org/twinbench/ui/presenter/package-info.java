/**
 * Presenter mode: the trainer's demo stories in big type.
 */
package org.twinbench.ui.presenter;
