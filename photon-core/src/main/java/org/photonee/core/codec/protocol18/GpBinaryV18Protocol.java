package org.photonee.core.codec.protocol18;

import java.nio.ByteBuffer;
import org.photonee.core.codec.BinaryMessageReader;
import org.photonee.core.codec.BinaryWireProtocol;
import org.photonee.core.codec.protocol16.CustomTypes;
import org.photonee.core.protocol.ProtocolLimits;

/**
 * The {@code GpBinaryV18} subprotocol (Protocol18, the default of PUN 2, Realtime, Chat and the C++ SDK): one
 * message per binary WebSocket message, laid out as NATIVE-PROTOCOLS.md §1.12 and §2.6 say: {@code F3}, message type,
 * body; numbers little-endian, lengths and counts varints, a one-byte parameter count.
 *
 * <p>Message kinds as for {@code GpBinaryV16}: request 2 (6 when internal: ping, init encryption), response 3 (7
 * when internal), event 4. Init, InitResponse, Disconnect, Message (8), RawMessage (9) and encrypted bodies (flag
 * 0x80: {@code EncryptedFrames} decrypts them first) are refused with a {@link ProtocolException}.
 *
 * <p>Type mapping, Java ↔ wire (the Java side is the one Protocol16 and Json use, so a room relays between them):
 * <table>
 *   <caption>Protocol18 types</caption>
 *   <tr><th>Java (encode)</th><th>codes written</th><th>codes read → Java</th></tr>
 *   <tr><td>null</td><td>8</td><td>8 → null</td></tr>
 *   <tr><td>Boolean</td><td>27 / 28</td><td>2, 27, 28 → Boolean</td></tr>
 *   <tr><td>Byte</td><td>34 for 0, else 3</td><td>3, 34 → Byte</td></tr>
 *   <tr><td>Short</td><td>29 for 0, else 4</td><td>4, 29 → Short</td></tr>
 *   <tr><td>Integer</td><td>30; 11/12 (±1..255); 13/14 (±256..65535); else 9 zigzag varint</td>
 *       <td>9, 11–14, 30 → Integer</td></tr>
 *   <tr><td>Long</td><td>31; 15/16; 17/18; else 10</td><td>10, 15–18, 31 → Long</td></tr>
 *   <tr><td>Float / Double</td><td>5 / 6 (raw bits kept)</td><td>5, 32 → Float; 6, 33 → Double</td></tr>
 *   <tr><td>String</td><td>7</td><td>String (strict UTF-8)</td></tr>
 *   <tr><td>byte[], boolean[], short[], float[], double[], String[], int[], long[]</td>
 *       <td>67, 66, 68, 69, 70, 71, 73, 74</td><td>the same primitive array</td></tr>
 *   <tr><td>Object[] and any array of references not listed here (Integer[], EventData[] …)</td><td>23</td>
 *       <td>Object[]</td></tr>
 *   <tr><td>arrays of arrays (byte[][], int[][], Object[][] …)</td><td>64, each element typed</td>
 *       <td>the elements' common array class, Object[] when empty or mixed</td></tr>
 *   <tr><td>PhotonHashtable or any other Map</td><td>21</td><td>PhotonHashtable (null-key pairs dropped)</td></tr>
 *   <tr><td>PhotonHashtable[]</td><td>85</td><td>PhotonHashtable[]</td></tr>
 *   <tr><td>PhotonDictionary</td><td>20 with its declared types in V18 codes (see {@link DictionaryTypes})</td>
 *       <td>PhotonDictionary with the declared types in Protocol16 codes</td></tr>
 *   <tr><td>PhotonDictionary[]</td><td>84, one header for all</td><td>PhotonDictionary[]</td></tr>
 *   <tr><td>CustomTypeValue or a registered class</td><td>128 + code when code &lt; 100, else 19 + code</td>
 *       <td>19 and 128–228 → the registered class, else CustomTypeValue</td></tr>
 *   <tr><td>CustomTypeValue[] of one code, or an array of a registered class</td><td>83</td>
 *       <td>an array of the registered class, else CustomTypeValue[]</td></tr>
 *   <tr><td>OperationRequest / OperationResponse / EventData</td><td>24 / 25 / 26</td><td>the record</td></tr>
 * </table>
 * A response's empty debug message is sent as null (8), as the C# writer does.
 *
 * <p>Stateless and thread-safe: decoding makes a fresh {@link Protocol18Reader}; encoding reuses a per-thread
 * {@link Protocol18Writer}.
 */
public final class GpBinaryV18Protocol extends BinaryWireProtocol {
    public static final String SUBPROTOCOL = "GpBinaryV18";

    private final CustomTypes customTypes;

    public GpBinaryV18Protocol() {
        this(CustomTypes.NONE);
    }

    public GpBinaryV18Protocol(CustomTypes customTypes) {
        super(SUBPROTOCOL, () -> new Protocol18Writer(customTypes));
        this.customTypes = customTypes;
    }

    @Override
    protected BinaryMessageReader reader(ByteBuffer bytes, ProtocolLimits limits) {
        return Protocol18Reader.over(bytes, limits, customTypes);
    }
}
