/** What the testkit's servers need in their own JVMs; nothing here is for tests to call. */
package dev.tributary.testkit.internal;
