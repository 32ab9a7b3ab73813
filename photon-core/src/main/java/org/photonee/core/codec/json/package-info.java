/**
 * The text protocol of the Photon JavaScript SDK ({@code Json} subprotocol): {@link
 * org.photonee.core.codec.json.JsonProtocol} (mapping tables and the session greeting), assembled from
 * {@link org.photonee.core.codec.json.JsonFraming} (the {@code ~m~N~m~} frames), a strict bounded JSON reader, a JSON
 * writer, and the message shape ({@code req}/{@code res}/{@code evt}/{@code irq}/{@code irs}).
 */
package org.photonee.core.codec.json;
