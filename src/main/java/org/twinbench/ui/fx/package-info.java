/**
 * What every screen of the workbench shares: the application executor, background work with its result on
 * the FX thread ({@link org.twinbench.ui.fx.BackgroundTask}), coalesced hand-overs to the FX thread and
 * the file dialogs. Depends on no screen, so the screens and the shell form no cycle.
 */
package org.twinbench.ui.fx;
