/**
 * The message model shared by every role and both wire protocols: {@link org.photonee.core.protocol.OperationRequest},
 * {@link org.photonee.core.protocol.OperationResponse}, {@link org.photonee.core.protocol.EventData} and their
 * {@link org.photonee.core.protocol.Parameters}; the value types that have no plain Java equivalent
 * ({@link org.photonee.core.protocol.PhotonHashtable}, {@link org.photonee.core.protocol.PhotonDictionary},
 * {@link org.photonee.core.protocol.CustomTypeValue}); and the {@link org.photonee.core.protocol.WireProtocol} seam
 * behind which the codecs live.
 *
 * <p>Java types of values: byte {@code Byte} (unsigned on the wire), short {@code Short}, int {@code Integer},
 * long {@code Long}, float {@code Float}, double {@code Double}, string {@code String}, bool {@code Boolean},
 * byte[] {@code byte[]}, int[] {@code int[]}, string[] {@code String[]}, typed arrays as Java arrays of the element
 * type (e.g. {@code short[]}, {@code PhotonHashtable[]}), object[] {@code Object[]}, Hashtable
 * {@code PhotonHashtable}, Dictionary {@code PhotonDictionary}, nested messages as the message records.
 */
package org.photonee.core.protocol;
