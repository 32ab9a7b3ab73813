package org.photonee.persistence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.photonee.core.codec.protocol16.CustomTypes;
import org.photonee.core.codec.protocol16.Protocol16Reader;
import org.photonee.core.codec.protocol16.Protocol16Writer;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.room.CachedEvent;
import org.photonee.core.room.RoomOptions;
import org.photonee.core.room.RoomState;

/**
 * The stored form of a {@link RoomState}: a small explicit binary layout for the structure, with every
 * client-supplied value (properties, event data, lobby keys) as one Protocol16 value.
 *
 * <p>Why this shape: the structure (counters, flags, lists) is ours and is written field by field, so a later format
 * version can add fields without guessing; the client values are exactly what the room relays to binary clients
 * anyway, so Protocol16 already carries every one of them with its type (byte vs int vs long, float bits, typed
 * dictionaries, custom types as raw bytes). Collection counts are ints here, so a large event cache is not bound by
 * Protocol16's 32767-element arrays.
 *
 * <p>Layout, big-endian ({@link DataOutputStream}):
 * <pre>
 * "PRS" version(byte = 1)
 * str gameId, str appId, str appVersion
 * options: int flags, int maxPlayers, bool open, bool visible, int playerTtl, int emptyRoomTtl,
 *          value lobbyPropertyKeys (Object[]), strs expectedUsers, value customProperties, str lobbyName,
 *          int lobbyType
 * int actorCounter, int masterClientId
 * int n, n × actor: int actorNr, str userId, str nickname, value properties, int g, g × int group
 * strs excludedUsers
 * bool cacheLimitReached, int cacheSlice
 * int n, n × event: int owner, int sender, int code, int slice, value data
 * int n, n × actor cache: int actorNr, int m, m × (int code, value data)   -- insertion order kept
 * str   = int byte length (-1 = null) + UTF-8 bytes
 * strs  = int count + count × str
 * value = int byte length + one Protocol16 value (type code + body)
 * </pre>
 */
public final class RoomStateCodec {
    /** Stored next to the blob, so an operator (and a later version) can tell formats apart without decoding. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = {'P', 'R', 'S'};
    /** Stored data was written by us, so the only bound that matters is the reader's recursion ceiling. */
    private static final ProtocolLimits STORED_LIMITS = new ProtocolLimits(Integer.MAX_VALUE,
            Protocol16Reader.MAX_SUPPORTED_DEPTH, Integer.MAX_VALUE, Integer.MAX_VALUE);

    private final CustomTypes customTypes;

    public RoomStateCodec() {
        this(CustomTypes.NONE);
    }

    /** @param customTypes the game server's registered custom types, so registered values are written back as such */
    public RoomStateCodec(CustomTypes customTypes) {
        this.customTypes = customTypes;
    }

    /**
     * Encodes a room state.
     *
     * @throws IllegalArgumentException a value Protocol16 cannot carry (the room could not have relayed it either)
     */
    public byte[] encode(RoomState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        Protocol16Writer values = new Protocol16Writer(customTypes);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(FORMAT_VERSION);
            writeString(out, state.gameId());
            writeString(out, state.appId());
            writeString(out, state.appVersion());

            RoomOptions o = state.options();
            out.writeInt(o.flags());
            out.writeInt(o.maxPlayers());
            out.writeBoolean(o.open());
            out.writeBoolean(o.visible());
            out.writeInt(o.playerTtlMillis());
            out.writeInt(o.emptyRoomTtlMillis());
            writeValue(out, values, o.lobbyPropertyKeys().toArray());
            writeStrings(out, o.expectedUsers());
            writeValue(out, values, o.customProperties());
            writeString(out, o.lobbyName());
            out.writeInt(o.lobbyType());

            out.writeInt(state.actorCounter());
            out.writeInt(state.masterClientId());
            out.writeInt(state.actors().size());
            for (RoomState.ActorState a : state.actors()) {
                out.writeInt(a.actorNr());
                writeString(out, a.userId());
                writeString(out, a.nickname());
                writeValue(out, values, a.properties());
                int[] groups = a.groups() == null ? new int[0] : a.groups();
                out.writeInt(groups.length);
                for (int g : groups) {
                    out.writeInt(g);
                }
            }
            writeStrings(out, state.excludedUsers());

            out.writeBoolean(state.cacheLimitReached());
            out.writeInt(state.cacheSlice());
            out.writeInt(state.cachedEvents().size());
            for (CachedEvent e : state.cachedEvents()) {
                out.writeInt(e.ownerActorNr());
                out.writeInt(e.senderActorNr());
                out.writeInt(e.code());
                out.writeInt(e.slice());
                writeValue(out, values, e.data());
            }
            out.writeInt(state.actorCaches().size());
            for (Map.Entry<Integer, Map<Integer, Object>> actor : state.actorCaches().entrySet()) {
                out.writeInt(actor.getKey());
                out.writeInt(actor.getValue().size());
                for (Map.Entry<Integer, Object> e : actor.getValue().entrySet()) {
                    out.writeInt(e.getKey());
                    writeValue(out, values, e.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes what {@link #encode} wrote.
     *
     * @throws IllegalArgumentException not a stored room state, an unknown format version, or damaged data
     */
    public RoomState decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("not a stored room state (bad header)");
            }
            int version = in.readUnsignedByte();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("room state format " + version + " is not supported (this "
                        + "version reads format " + FORMAT_VERSION + ")");
            }
            String gameId = readString(in);
            String appId = readString(in);
            String appVersion = readString(in);

            int flags = in.readInt();
            int maxPlayers = in.readInt();
            boolean open = in.readBoolean();
            boolean visible = in.readBoolean();
            int playerTtl = in.readInt();
            int emptyRoomTtl = in.readInt();
            List<Object> lobbyKeys = Arrays.asList((Object[]) readValue(in));
            List<String> expectedUsers = readStrings(in);
            PhotonHashtable custom = (PhotonHashtable) readValue(in);
            String lobbyName = readString(in);
            int lobbyType = in.readInt();
            RoomOptions options = new RoomOptions(flags, maxPlayers, open, visible, playerTtl, emptyRoomTtl,
                    lobbyKeys, expectedUsers, custom, lobbyName, lobbyType);

            int actorCounter = in.readInt();
            int masterClientId = in.readInt();
            int actorCount = count(in);
            List<RoomState.ActorState> actors = new ArrayList<>(actorCount);
            for (int i = 0; i < actorCount; i++) {
                int nr = in.readInt();
                String userId = readString(in);
                String nickname = readString(in);
                PhotonHashtable properties = (PhotonHashtable) readValue(in);
                int[] groups = new int[count(in)];
                for (int g = 0; g < groups.length; g++) {
                    groups[g] = in.readInt();
                }
                actors.add(new RoomState.ActorState(nr, userId, nickname, properties, groups));
            }
            List<String> excluded = readStrings(in);

            boolean cacheLimitReached = in.readBoolean();
            int cacheSlice = in.readInt();
            int eventCount = count(in);
            List<CachedEvent> events = new ArrayList<>(eventCount);
            for (int i = 0; i < eventCount; i++) {
                int owner = in.readInt();
                int sender = in.readInt();
                int code = in.readInt();
                int slice = in.readInt();
                events.add(new CachedEvent(owner, sender, code, readValue(in), slice));
            }
            int cachesCount = count(in);
            Map<Integer, Map<Integer, Object>> actorCaches = new LinkedHashMap<>();
            for (int i = 0; i < cachesCount; i++) {
                int actorNr = in.readInt();
                int n = count(in);
                Map<Integer, Object> cache = new LinkedHashMap<>();
                for (int j = 0; j < n; j++) {
                    int code = in.readInt();
                    cache.put(code, readValue(in));
                }
                actorCaches.put(actorNr, cache);
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("trailing bytes after the stored room state");
            }
            return new RoomState(gameId, appId, appVersion, options, actorCounter, masterClientId, actors, excluded,
                    cacheLimitReached, cacheSlice, events, actorCaches);
        } catch (EOFException e) {
            throw new IllegalArgumentException("stored room state is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("stored room state is damaged: " + e.getMessage(), e);
        }
    }

    // ---- parts ----

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        return new String(bytes(in, n), StandardCharsets.UTF_8);
    }

    private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            writeString(out, s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = count(in);
        List<String> list = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            list.add(readString(in));
        }
        return list;
    }

    private static void writeValue(DataOutputStream out, Protocol16Writer writer, Object value) throws IOException {
        writer.reset();
        writer.writeValue(value);
        out.writeInt(writer.size());
        out.write(writer.toByteArray());
    }

    private Object readValue(DataInputStream in) throws IOException {
        byte[] b = bytes(in, in.readInt());
        try {
            Protocol16Reader reader = new Protocol16Reader(b, 0, b.length, STORED_LIMITS, customTypes);
            Object value = reader.readValue();
            reader.expectEnd();
            return value;
        } catch (ProtocolException e) {
            throw new IllegalArgumentException("stored room state holds a damaged value: " + e.getMessage(), e);
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IllegalArgumentException("stored room state is damaged: negative count " + n);
        }
        return n;
    }

    /** Reads exactly n bytes; a length beyond the data fails as truncation instead of allocating it. */
    private static byte[] bytes(DataInputStream in, int n) throws IOException {
        if (n < 0 || n > in.available()) {
            throw new EOFException();
        }
        return in.readNBytes(n);
    }
}
