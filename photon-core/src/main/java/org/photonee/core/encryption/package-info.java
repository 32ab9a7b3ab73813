/**
 * Photon's payload ("on demand") encryption, NATIVE-PROTOCOLS.md §1.13: the Diffie-Hellman key exchange of the
 * InitEncryption internal operation and the AES cipher of messages whose type byte carries the 0x80 flag. Used by
 * the server peers ({@code PeerBase}) and the Java client alike.
 */
package org.photonee.core.encryption;
