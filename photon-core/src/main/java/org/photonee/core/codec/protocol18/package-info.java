/**
 * Protocol18 ({@code GpBinaryV18}), the default serialization of PUN 2, Photon Realtime, Chat and the C++ SDK: the
 * {@link org.photonee.core.codec.protocol18.GpBinaryV18Protocol} wire protocol, built from a bounded, untrusting
 * {@link org.photonee.core.codec.protocol18.Protocol18Reader} and a reusable
 * {@link org.photonee.core.codec.protocol18.Protocol18Writer}. Facts and sources: NATIVE-PROTOCOLS.md §2. Custom
 * types plug in through the same {@link org.photonee.core.codec.protocol16.CustomTypes} registry as Protocol16.
 */
package org.photonee.core.codec.protocol18;
