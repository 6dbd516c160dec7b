/**
 * The JavaFX workbench: views (FXML controllers named after their {@code fxml/*.fxml}), their view
 * models (JavaFX properties, the only UI classes that call the engine), and the application's single
 * background executor. The only package that imports {@code javafx}.
 */
package org.twinbench.ui;
