/**
 * The binary protocol of the C#, Unity and C++ clients, Protocol16 ({@code GpBinaryV16}): the
 * {@link org.photonee.core.codec.protocol16.GpBinaryV16Protocol} wire protocol, built from a bounded, untrusting
 * {@link org.photonee.core.codec.protocol16.Protocol16Reader} and a reusable
 * {@link org.photonee.core.codec.protocol16.Protocol16Writer}. The Java type mapping is tabled on
 * {@code GpBinaryV16Protocol}; application custom types plug in through
 * {@link org.photonee.core.codec.protocol16.CustomTypes}.
 */
package org.photonee.core.codec.protocol16;
