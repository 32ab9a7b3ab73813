package org.photonee.it.micro;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.photonee.client.FriendInfo;
import org.photonee.client.JoinRandomRoomOptions;
import org.photonee.client.PhotonException;
import org.photonee.client.Room;
import org.photonee.client.RoomInfo;
import org.photonee.client.RoomOptions;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.codes.RoomOptionFlags;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.Values;
import org.photonee.it.support.HealthAssertions;
import org.photonee.it.support.JsonPlayer;
import org.photonee.it.support.MessageClient;
import org.photonee.it.support.ServerProbe;
import org.photonee.it.support.TestPlayer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Matchmaking end to end on a real Payara Micro (issue 4): name server → master → game server with the Java client
 * ({@code GpBinaryV16}) and raw {@code Json} frames; create / join / join-random with their error codes, JoinModes
 * and rejoin, slot reservation, lobby GameList and GameListUpdate, FindFriends.
 *
 * <p>Game servers report room state to the master asynchronously, so checks that depend on the master having heard
 * of a change poll with a deadline.
 */
class MatchmakingIT extends MicroWarTest {

    private ServerProbe server;

    @BeforeEach
    void ready() throws Exception {
        server = probe();
        HealthAssertions.awaitReady(server);
    }

    @Test
    void createAndJoinByNameWithEachRefusal() throws Exception {
        String v = "mm-join";
        try (TestPlayer alice = TestPlayer.onMaster(server, v, "alice");
             TestPlayer bob = TestPlayer.onMaster(server, v, "bob");
             TestPlayer carol = TestPlayer.onMaster(server, v, "carol");
             TestPlayer dave = TestPlayer.onMaster(server, v, "dave")) {
            Room room = alice.await(alice.client().createRoom("full-room", RoomOptions.defaults().withMaxPlayers(2)));
            assertEquals(1, room.localActorNr());
            assertEquals(2, room.maxPlayers());

            assertRefused(ReturnCode.GAME_ID_ALREADY_EXISTS, bob,
                    bob.client().createRoom("full-room", RoomOptions.defaults()));
            assertRefused(ReturnCode.GAME_ID_NOT_EXISTS, bob, bob.client().joinRoom("no-such-room"));
            assertEquals(2, bob.await(bob.client().joinRoom("full-room")).localActorNr());
            assertRefused(ReturnCode.GAME_FULL, carol, carol.client().joinRoom("full-room"));

            // Closed by its master client: nobody else gets in.
            dave.await(dave.client().createRoom("closing-room", RoomOptions.defaults()));
            dave.await(dave.client().setRoomProperties(Map.of(GamePropertyKey.IS_OPEN, false), null));
            assertRefused(ReturnCode.GAME_CLOSED, carol, carol.client().joinRoom("closing-room"));
            // Every refusal left carol on the master, ready for the next attempt.
            assertTrue(carol.client().state().isOnMaster(), carol.client().state().toString());

            // A room created closed is entered by its creator only.
            carol.await(carol.client().createRoom("closed-room", RoomOptions.defaults().withOpen(false)));
            alice.await(alice.client().leaveRoom(false));
            assertRefused(ReturnCode.GAME_CLOSED, alice, alice.client().joinRoom("closed-room"));
        }
    }

    @Test
    void joinModesCreateIfNotExistsAndTheRejoinCodes() throws Exception {
        String v = "mm-modes";
        RoomOptions ttl = RoomOptions.defaults().withPlayerTtl(10_000).withFlags(RoomOptionFlags.CHECK_USER_ON_JOIN);
        try (TestPlayer alice = TestPlayer.onMaster(server, v, "alice");
             TestPlayer bob = TestPlayer.onMaster(server, v, "bob");
             TestPlayer carol = TestPlayer.onMaster(server, v, "carol");
             TestPlayer alice2 = TestPlayer.onMaster(server, v, "alice");
             TestPlayer dave = TestPlayer.onMaster(server, v, "dave")) {
            Room created = alice.await(alice.client().joinRoom("cine-room", JoinMode.CREATE_IF_NOT_EXISTS, ttl));
            assertEquals(1, created.localActorNr());
            assertEquals(10_000, Values.toInt(created.property(GamePropertyKey.PLAYER_TTL)), "created with the options");
            Room joined = bob.await(bob.client().joinRoom("cine-room", JoinMode.CREATE_IF_NOT_EXISTS, ttl));
            assertEquals(2, joined.localActorNr(), "the existing room was joined, not re-created");

            bob.await(bob.client().leaveRoom(true));
            assertRefused(ReturnCode.JOIN_FAILED_FOUND_INACTIVE_JOINER, bob, bob.client().joinRoom("cine-room"));
            assertRefused(ReturnCode.JOIN_FAILED_WITH_REJOINER_NOT_FOUND, carol,
                    carol.client().joinRoom("cine-room", JoinMode.REJOIN_ONLY, null));
            Room rejoined = bob.await(bob.client().joinRoom("cine-room", JoinMode.REJOIN_ONLY, null));
            assertEquals(2, rejoined.localActorNr(), "the same actor came back");

            // The same user on a second connection while its actor is active (CheckUserOnJoin).
            assertRefused(ReturnCode.JOIN_FAILED_FOUND_ACTIVE_JOINER, alice2, alice2.client().joinRoom("cine-room"));
            assertRefused(ReturnCode.JOIN_FAILED_FOUND_ACTIVE_JOINER, alice2,
                    alice2.client().joinRoom("cine-room", JoinMode.REJOIN_ONLY, null));

            // RejoinOrJoin: a user without an actor simply joins.
            assertEquals(3, carol.await(carol.client().joinRoom("cine-room", JoinMode.REJOIN_OR_JOIN, null))
                    .localActorNr());

            // A room without PlayerTTL has no rejoin at all.
            dave.await(dave.client().createRoom("no-ttl-room", RoomOptions.defaults()));
            assertRefused(ReturnCode.JOIN_FAILED_WITH_REJOINER_NOT_FOUND, alice2,
                    alice2.client().joinRoom("no-ttl-room", JoinMode.REJOIN_ONLY, null));
        }
    }

    @Test
    void expectedUsersReserveSlots() throws Exception {
        String v = "mm-slots";
        try (TestPlayer alice = TestPlayer.onMaster(server, v, "alice");
             TestPlayer bob = TestPlayer.onMaster(server, v, "bob");
             TestPlayer carol = TestPlayer.onMaster(server, v, "carol")) {
            Room room = alice.await(alice.client().createRoom("slots-room", RoomOptions.defaults().withMaxPlayers(2)
                    .withExpectedUsers("bob")));
            assertEquals(List.of("bob"), List.of((String[]) room.property(GamePropertyKey.EXPECTED_USERS)));
            assertRefused(ReturnCode.GAME_FULL, carol, carol.client().joinRoom("slots-room"));
            assertEquals(2, bob.await(bob.client().joinRoom("slots-room")).localActorNr(),
                    "the expected user takes its reserved slot");

            // The creator plus two reserved slots do not fit into two places.
            assertRefused(ReturnCode.SLOT_ERROR, carol, carol.client().createRoom("too-many",
                    RoomOptions.defaults().withMaxPlayers(2).withExpectedUsers("x", "y")));
            assertRefused(ReturnCode.GAME_ID_NOT_EXISTS, carol, carol.client().joinRoom("too-many"));
        }
    }

    @Test
    void joinRandomMatchesListedPropertiesAndReportsNoMatch() throws Exception {
        String v = "mm-random";
        try (TestPlayer alice = TestPlayer.onMaster(server, v, "alice");
             TestPlayer bob = TestPlayer.onMaster(server, v, "bob");
             TestPlayer carol = TestPlayer.onMaster(server, v, "carol");
             TestPlayer dave = TestPlayer.onMaster(server, v, "dave");
             TestPlayer erin = TestPlayer.onMaster(server, v, "erin")) {
            assertRefused(ReturnCode.NO_MATCH_FOUND, carol, carol.client().joinRandomRoom(JoinRandomRoomOptions.ANY));

            alice.await(alice.client().createRoom("ctf-1", RoomOptions.defaults().withMaxPlayers(3)
                    .withCustomProperties(Map.of("mode", "ctf")).withLobbyProperties("mode")));
            bob.await(bob.client().createRoom("dm-1", RoomOptions.defaults().withMaxPlayers(3)
                    .withCustomProperties(Map.of("mode", "dm")).withLobbyProperties("mode")));
            erin.await(erin.client().createRoom("ctf-hidden", RoomOptions.defaults().withMaxPlayers(3)
                    .withVisible(false).withCustomProperties(Map.of("mode", "ctf")).withLobbyProperties("mode")));

            JoinRandomRoomOptions ctf = JoinRandomRoomOptions.ANY.withExpectedProperties(Map.of("mode", "ctf"));
            Room matched = eventually(() -> carol.await(carol.client().joinRandomRoom(ctf)));
            assertEquals("ctf-1", matched.name(), "the invisible ctf room is never matched");
            assertEquals(2, matched.localActorNr());

            assertRefused(ReturnCode.NO_MATCH_FOUND, dave, dave.client().joinRandomRoom(ctf.withMaxPlayers(4)));
            assertRefused(ReturnCode.NO_MATCH_FOUND, dave, dave.client().joinRandomRoom(
                    JoinRandomRoomOptions.ANY.withExpectedProperties(Map.of("mode", "tdm"))));
            assertEquals("dm-1", dave.await(dave.client().joinRandomRoom(JoinRandomRoomOptions.ANY
                    .withExpectedProperties(Map.of("mode", "dm")).withMaxPlayers(3))).name());

            // Closed rooms are not matched (once the master heard about it).
            bob.await(bob.client().setRoomProperties(Map.of(GamePropertyKey.IS_OPEN, false), null));
            JoinRandomRoomOptions dm = JoinRandomRoomOptions.ANY.withExpectedProperties(Map.of("mode", "dm"));
            try (TestPlayer frank = TestPlayer.onMaster(server, v, "frank")) {
                long deadline = System.nanoTime() + 5_000_000_000L;
                PhotonException e;
                do {
                    e = frank.refused(frank.client().joinRandomRoom(dm));
                } while (e.returnCode() == ReturnCode.GAME_CLOSED && System.nanoTime() < deadline);
                assertEquals(ReturnCode.NO_MATCH_FOUND, e.returnCode(), e.getMessage());
            }
        }
    }

    @Test
    void lobbyMembersGetTheGameListAndItsUpdates() throws Exception {
        String v = "mm-lobby";
        try (TestPlayer watcher = TestPlayer.onMaster(server, v, "watcher");
             TestPlayer alice = TestPlayer.onMaster(server, v, "alice");
             TestPlayer bob = TestPlayer.onMaster(server, v, "bob");
             TestPlayer carol = TestPlayer.onMaster(server, v, "carol")) {
            watcher.await(watcher.client().joinLobby(null));
            assertEquals(List.of(), watcher.roomList(l -> true), "nothing listed yet");

            alice.await(alice.client().createRoom("early", RoomOptions.defaults().withMaxPlayers(4)
                    .withCustomProperties(Map.of("map", "dust", "secret", "x")).withLobbyProperties("map")));
            bob.await(bob.client().createRoom("hidden", RoomOptions.defaults().withVisible(false)));
            RoomInfo early = listed(watcher, "early", r -> true);
            assertEquals("dust", early.properties().get("map"));
            assertFalse(early.properties().containsKey("secret"), "only lobby properties are listed");
            assertEquals(1, early.playerCount());
            assertEquals(4, early.maxPlayers());
            assertTrue(early.isOpen());

            carol.await(carol.client().joinRoom("early"));
            listed(watcher, "early", r -> r.playerCount() == 2);
            alice.await(alice.client().setRoomProperties(Map.of(GamePropertyKey.IS_OPEN, false), null));
            listed(watcher, "early", r -> !r.isOpen());

            try (TestPlayer late = TestPlayer.onMaster(server, v, "late")) {
                late.await(late.client().joinLobby(null));
                List<RoomInfo> full = late.roomList(l -> true);
                assertEquals(List.of("early"), full.stream().map(RoomInfo::name).toList());
                assertEquals(2, full.get(0).playerCount());
                assertFalse(full.get(0).isOpen());
            }

            alice.await(alice.client().leaveRoom(false));
            listed(watcher, "early", r -> r.playerCount() == 1);
            carol.await(carol.client().leaveRoom(false));
            watcher.roomList(l -> l.stream().anyMatch(r -> r.name().equals("early") && r.isRemoved()));
            assertEquals(List.of(), watcher.await(watcher.client().roomList()));
            assertFalse(watcher.roomListHistory().stream().flatMap(List::stream)
                    .anyMatch(r -> r.name().equals("hidden")), "an invisible room is never listed");
        }
    }

    @Test
    void findFriendsReportsOnlineUsersAndTheirRooms() throws Exception {
        String v = "mm-friends";
        try (TestPlayer alice = TestPlayer.onMaster(server, v, "alice");
             TestPlayer bob = TestPlayer.onMaster(server, v, "bob");
             TestPlayer carol = TestPlayer.onMaster(server, v, "carol")) {
            alice.await(alice.client().createRoom("friends-room", RoomOptions.defaults()));
            List<FriendInfo> friends = eventually(() -> {
                List<FriendInfo> f = bob.await(bob.client().findFriends("alice", "carol", "nobody"));
                if (f.get(0).room() == null) {
                    throw new AssertionError("alice's room not reported yet: " + f);
                }
                return f;
            });
            assertEquals(new FriendInfo("alice", true, "friends-room"), friends.get(0));
            assertEquals(new FriendInfo("carol", true, null), friends.get(1), "on the master, in no room");
            assertEquals(new FriendInfo("nobody", false, null), friends.get(2));

            alice.await(alice.client().leaveRoom(false));
            carol.client().disconnect().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            List<FriendInfo> later = eventually(() -> {
                List<FriendInfo> f = bob.await(bob.client().findFriends("alice", "carol"));
                if (f.get(0).room() != null || f.get(1).online()) {
                    throw new AssertionError("not updated yet: " + f);
                }
                return f;
            });
            assertEquals(List.of(new FriendInfo("alice", true, null), new FriendInfo("carol", false, null)), later);
        }
    }

    @Test
    void jsonClientGetsTheSameCodesAndAPeerInARoomCannotJoinAnother() throws Exception {
        String v = "mm-json";
        try (MessageClient master = JsonPlayer.master(server, v, "jason")) {
            master.sendRaw("{\"req\":225,\"vals\":[]}");
            assertEquals(ReturnCode.NO_MATCH_FOUND, master.response(225).returnCode());
            master.sendRaw("{\"req\":226,\"vals\":[255,\"json-missing\"]}");
            assertEquals(ReturnCode.GAME_ID_NOT_EXISTS, master.response(226).returnCode());
            master.sendRaw("{\"req\":227,\"vals\":[255,\"json-reserved\"]}");
            OperationResponse created = master.response(227);
            assertEquals(0, created.returnCode(), created.debugMessage());
            assertEquals("json-reserved", created.parameters().get(ParameterCode.GAME_ID));
            assertNotNull(created.parameters().get(ParameterCode.TOKEN));
            // The name is taken as soon as the master handed it out.
            master.sendRaw("{\"req\":227,\"vals\":[255,\"json-reserved\"]}");
            assertEquals(ReturnCode.GAME_ID_ALREADY_EXISTS, master.response(227).returnCode());
            // No name: the master makes one up.
            master.sendRaw("{\"req\":227,\"vals\":[]}");
            OperationResponse unnamed = master.response(227);
            assertEquals(0, unnamed.returnCode(), unnamed.debugMessage());
            assertInstanceOf(String.class, unnamed.parameters().get(ParameterCode.GAME_ID));
            assertFalse(((String) unnamed.parameters().get(ParameterCode.GAME_ID)).isEmpty());
        }

        try (MessageClient json = JsonPlayer.enter(server, v, "jason", 227, "json-room", ",248,{\"255\":3}");
             TestPlayer bin = TestPlayer.onMaster(server, v, "binny")) {
            assertEquals(1, Values.toInt(JsonPlayer.lastJoin().parameters().get(ParameterCode.ACTOR_NR)));
            json.sendRaw("{\"req\":226,\"vals\":[255,\"json-room\"]}");
            assertEquals(ReturnCode.JOIN_FAILED_PEER_ALREADY_JOINED, json.response(226).returnCode());

            Room room = eventually(() -> bin.await(bin.client().joinRandomRoom(JoinRandomRoomOptions.ANY
                    .withMaxPlayers(3))));
            assertEquals("json-room", room.name());
            assertEquals(2, room.localActorNr());
            EventData joined = json.event(e -> e.code() == 255
                    && Values.toInt(e.parameters().get(ParameterCode.ACTOR_NR)) == 2);
            assertNotNull(joined);
            PhotonHashtable props = (PhotonHashtable) JsonPlayer.lastJoin().parameters().get(ParameterCode.GAME_PROPERTIES);
            assertEquals(3, Values.toInt(props.get(GamePropertyKey.MAX_PLAYERS)));
        }
    }

    // ---- helpers ----

    private static void assertRefused(short code, TestPlayer player, java.util.concurrent.CompletionStage<?> op)
            throws Exception {
        PhotonException e = player.refused(op);
        assertEquals(code, e.returnCode(), e.getMessage());
    }

    /** The next listing of {@code room} (not removed) in a lobby update that satisfies the check. */
    private static RoomInfo listed(TestPlayer watcher, String room, java.util.function.Predicate<RoomInfo> check)
            throws Exception {
        List<RoomInfo> list = watcher.roomList(l -> l.stream().anyMatch(r -> r.name().equals(room)
                && !r.isRemoved() && check.test(r)));
        return list.stream().filter(r -> r.name().equals(room)).findFirst().orElseThrow();
    }

    /** Retries until the call succeeds (the master hears about games asynchronously), at most 5 s. */
    private static <T> T eventually(Callable<T> call) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try {
                return call.call();
            } catch (PhotonException | AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
