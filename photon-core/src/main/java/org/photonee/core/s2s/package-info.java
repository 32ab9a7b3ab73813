/**
 * The server-to-server contract between game servers and their master: registration, load reports, room state
 * reports. Both sides code against these types so the contract lives in one place.
 */
package org.photonee.core.s2s;
