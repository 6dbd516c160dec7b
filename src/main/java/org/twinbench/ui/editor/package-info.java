/**
 * The scenario editor's model, free of controls so it is tested without the toolkit: edits as
 * commands ({@link org.twinbench.ui.editor.Edit}, {@link org.twinbench.ui.editor.EditHistory}, as
 * Scene Builder's {@code Job}/{@code JobManager}), the open document, pure graph operations,
 * automatic layout, validation per node and edge, and the files (atomic save, autosave, recovery,
 * recent files).
 */
package org.twinbench.ui.editor;
