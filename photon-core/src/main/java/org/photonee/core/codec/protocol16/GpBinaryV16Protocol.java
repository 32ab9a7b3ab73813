package org.photonee.core.codec.protocol16;

import java.nio.ByteBuffer;
import org.photonee.core.codec.BinaryMessageReader;
import org.photonee.core.codec.BinaryWireProtocol;
import org.photonee.core.protocol.ProtocolLimits;

/**
 * The {@code GpBinaryV16} subprotocol: one Protocol16 message per binary WebSocket message (PROTOCOL.md section 2).
 *
 * <p>Message kinds: {@code OperationRequest} is type 2 (type 6 when {@code internal}, e.g. ping), {@code
 * OperationResponse} type 3 (7 when internal), {@code EventData} type 4. Init (0), InitResponse (1), Disconnect (5)
 * and encrypted bodies (flag 0x80: {@code EncryptedFrames} decrypts them first) are rejected with a
 * {@link ProtocolException}.
 *
 * <p>Type mapping, Java ↔ wire:
 * <table>
 *   <caption>Protocol16 types</caption>
 *   <tr><th>Java (encode)</th><th>code</th><th>Java (decode)</th></tr>
 *   <tr><td>null</td><td>42 {@code *}</td><td>null</td></tr>
 *   <tr><td>Byte (unsigned on the wire)</td><td>98 {@code b}</td><td>Byte</td></tr>
 *   <tr><td>Boolean</td><td>111 {@code o}</td><td>Boolean (only 0/1 accepted)</td></tr>
 *   <tr><td>Short / Integer / Long</td><td>107 {@code k} / 105 {@code i} / 108 {@code l}</td><td>same</td></tr>
 *   <tr><td>Float / Double</td><td>102 {@code f} / 100 {@code d}</td><td>same (raw IEEE bits kept)</td></tr>
 *   <tr><td>String</td><td>115 {@code s}: i16 byte length + UTF-8</td><td>String (strict UTF-8)</td></tr>
 *   <tr><td>byte[]</td><td>120 {@code x}</td><td>byte[]</td></tr>
 *   <tr><td>int[]</td><td>110 {@code n}</td><td>int[]</td></tr>
 *   <tr><td>String[]</td><td>97 {@code a}</td><td>String[]</td></tr>
 *   <tr><td>Object[] (exactly that class; may hold nulls)</td><td>122 {@code z}</td><td>Object[]</td></tr>
 *   <tr><td>any other array: short[], long[], float[], double[], boolean[], boxed arrays, PhotonHashtable[],
 *       PhotonDictionary[], byte[][], int[][], String[][], Object[][], short[][] …, CustomTypeValue[], arrays of
 *       registered custom types, arrays of messages</td>
 *       <td>121 {@code y}: count, element type, bare elements</td>
 *       <td>the primitive array for primitive element types ({@code y}+{@code b} → byte[], {@code y}+{@code i} →
 *       int[], {@code y}+{@code s} → String[]), else an array of the element's Java type; an array of typed arrays
 *       takes its elements' common class, or Object[] when empty or mixed</td></tr>
 *   <tr><td>PhotonDictionary</td><td>68 {@code D}: key type, value type (0 or 42 = each entry typed), count,
 *       entries; a declared type means bare bodies</td><td>PhotonDictionary with the header's types kept</td></tr>
 *   <tr><td>PhotonHashtable or any other Map</td><td>104 {@code h}</td><td>PhotonHashtable (null keys rejected)</td></tr>
 *   <tr><td>CustomTypeValue, or an instance of a class registered in {@link CustomTypes}</td>
 *       <td>99 {@code c}: custom code, i16 length, bytes</td>
 *       <td>the registered class, else CustomTypeValue</td></tr>
 *   <tr><td>EventData / OperationResponse / OperationRequest</td><td>101 {@code e} / 112 {@code p} / 113
 *       {@code q}: nested body</td><td>the record, {@code internal == false}</td></tr>
 * </table>
 * A typed array of custom types writes the custom type code once, after the element type, and then length + bytes
 * per element. A dictionary value of a declared container type (e.g. {@code D} or {@code y}) is written as that
 * container's full body, its own header included.
 *
 * <p>Stateless and thread-safe: decoding makes a fresh {@link Protocol16Reader}; encoding reuses a per-thread
 * {@link Protocol16Writer}, so the only allocation per encoded message is the frame's own array.
 */
public final class GpBinaryV16Protocol extends BinaryWireProtocol {
    public static final String SUBPROTOCOL = "GpBinaryV16";

    private final CustomTypes customTypes;

    public GpBinaryV16Protocol() {
        this(CustomTypes.NONE);
    }

    public GpBinaryV16Protocol(CustomTypes customTypes) {
        super(SUBPROTOCOL, () -> new Protocol16Writer(customTypes));
        this.customTypes = customTypes;
    }

    @Override
    protected BinaryMessageReader reader(ByteBuffer bytes, ProtocolLimits limits) {
        return Protocol16Reader.over(bytes, limits, customTypes);
    }
}
