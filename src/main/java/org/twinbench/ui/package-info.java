/**
 * The JavaFX workbench: views (FXML controllers named after their {@code fxml/*.fxml}), their view
 * models (JavaFX properties, the only UI classes that call the engine), and the application's single
 * background executor. Work leaves the FX thread only through {@link org.twinbench.ui.fx.BackgroundTask}
 * (result or failure back on the FX thread, stale results dropped by key); a stream of results is
 * paced by {@link org.twinbench.ui.fx.FxCoalescer}. The only package that imports {@code javafx}.
 */
package org.twinbench.ui;
