/**
 * Sample functions and the IoT pipeline.
 */
package dev.tributary.examples;
