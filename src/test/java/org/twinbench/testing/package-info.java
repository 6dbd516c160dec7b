/** Fixtures shared by tests of several layers. */
package org.twinbench.testing;
