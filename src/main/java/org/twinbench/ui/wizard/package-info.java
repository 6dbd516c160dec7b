/**
 * The guided check for small business owners ("Will my model hold up?").
 */
package org.twinbench.ui.wizard;
