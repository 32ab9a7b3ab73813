/**
 * A room on a virtual clock for a plugin's own unit tests: players join, raise events, set properties and leave,
 * time moves when the test says, and everything each player received can be read back. No server, no threads.
 */
package org.photonee.core.plugin.testing;
