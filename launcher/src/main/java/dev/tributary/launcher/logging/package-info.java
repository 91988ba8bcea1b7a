/** How the process's logs come out: library logging routed into the one log stream. */
package dev.tributary.launcher.logging;
