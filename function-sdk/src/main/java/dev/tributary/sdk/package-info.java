/**
 * The API function authors compile against: function interfaces, events, context and a tester.
 */
package dev.tributary.sdk;
