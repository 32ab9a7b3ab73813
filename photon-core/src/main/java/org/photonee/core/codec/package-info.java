/**
 * Wire codecs: the {@link org.photonee.core.codec.WireProtocols} registry that endpoints negotiate with, and its
 * implementations in {@code codec.protocol16} (binary clients) and {@code codec.json} (JavaScript clients). Codecs
 * only turn frames into messages and back; they never dispatch.
 */
package org.photonee.core.codec;
