/**
 * Tests of the installers built by the {@code installer} Maven profile (installer/README.md): they run
 * the app image's native launcher headless and read the .deb. Named {@code *IT}, so the default build
 * skips them; the profile runs them with Failsafe after it has built the installers.
 */
package org.twinbench.installer;
