/**
 * Reliability tests across layers: a child JVM killed with SIGKILL in the middle of a save, an
 * autosave or a run; saves onto a full or read-only disk; a damaged run store; load and soak.
 */
package org.twinbench.reliability;
