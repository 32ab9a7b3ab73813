package org.photonee.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.photonee.core.auth.AesGcmTokenCodec;
import org.photonee.core.auth.AnonymousAuthenticator;
import org.photonee.core.auth.ClientAuthenticator;
import org.photonee.core.auth.TokenIssuer;
import org.photonee.core.auth.TokenSettings;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ServerState;
import org.photonee.core.fiber.ManualFiber;
import org.photonee.core.peer.PeerEnvironment;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.s2s.GameServerRegistration;
import org.photonee.core.s2s.GameStateReport;
import org.photonee.core.s2s.S2SCredentials;
import org.photonee.core.s2s.S2SMessages;
import org.photonee.core.testing.ChildFibers;
import org.photonee.core.testing.MessageProtocol;
import org.photonee.core.testing.TestPeer;

/** A master application over in-memory peers, with one manual fiber for every fiber and a settable clock. */
abstract class MasterTestBase {
    static final String APP = "my-app";
    static final String VERSION = "1.0";

    final ManualFiber fiber = new ManualFiber();
    final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    final TokenIssuer tokens = new TokenIssuer(new AesGcmTokenCodec("test-secret", clock::get),
            TokenSettings.DEFAULTS, clock::get);
    final MessageProtocol json = new MessageProtocol("Json");
    final MessageProtocol binary = new MessageProtocol("GpBinaryV16");
    MasterApplication app;
    private int connections;

    void start(MasterSettings settings, ClientAuthenticator authenticator) {
        app = new MasterApplication(new PeerEnvironment(new ChildFibers(fiber)), settings,
                LoadBalancerSettings.DEFAULTS,
                tokens, authenticator, new Random(1), true);
        app.start();
        fiber.runPending();
    }

    void start() {
        start(MasterSettings.DEFAULTS, new AnonymousAuthenticator());
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    TestPeer connect(MessageProtocol protocol) {
        return new TestPeer(app, fiber, "master", "c" + (++connections), protocol);
    }

    String tokenFor(String userId) {
        return tokens.encode(tokens.issue(userId, APP, VERSION, Map.of()));
    }

    /** A client authenticated with a name server token. */
    TestPeer client(String userId, MessageProtocol protocol) {
        TestPeer c = connect(protocol);
        c.expectOk(OperationCode.AUTHENTICATE, ParameterCode.TOKEN, tokenFor(userId));
        return c;
    }

    TestPeer client(String userId) {
        return client(userId, json);
    }

    /** A registered game server whose Json address is ws://{id}/json and binary one ws://{id}/binary. */
    TestPeer gameServer(String id) {
        TestPeer gs = new TestPeer(app, fiber, MasterApplication.S2S_ENDPOINT, "s2s-" + id + "-" + (++connections),
                binary);
        GameServerRegistration reg = new GameServerRegistration(id,
                Map.of("Json", "ws://" + id + "/json", "GpBinaryV16", "ws://" + id + "/binary"), ServerState.NORMAL,
                0, 0, S2SCredentials.create(tokens, id));
        assertEquals(0, gs.request(S2SMessages.registerGameServer(reg)).returnCode());
        return gs;
    }

    void report(TestPeer gs, GameStateReport report) {
        gs.sendEvent(S2SMessages.updateGameState(report));
    }

    /** Builds game reports with sensible defaults: open, visible, max 4, default lobby. */
    static final class Report {
        private final String gameId;
        private String lobbyName = "";
        private int lobbyType;
        private int maxPlayers = 4;
        private boolean open = true;
        private boolean visible = true;
        private PhotonHashtable props = new PhotonHashtable();
        private List<String> active = new ArrayList<>();
        private List<String> inactive = new ArrayList<>();
        private List<String> expected = new ArrayList<>();
        private List<String> excluded = new ArrayList<>();
        private boolean checkUserOnJoin;
        private int playerTtl;

        Report(String gameId) {
            this.gameId = gameId;
        }

        Report lobby(String name, int type) {
            lobbyName = name;
            lobbyType = type;
            return this;
        }

        Report max(int value) {
            maxPlayers = value;
            return this;
        }

        Report closed() {
            open = false;
            return this;
        }

        Report hidden() {
            visible = false;
            return this;
        }

        Report props(Object... keyValues) {
            props = PhotonHashtable.of(keyValues);
            return this;
        }

        Report active(String... users) {
            active = List.of(users);
            return this;
        }

        Report inactive(String... users) {
            inactive = List.of(users);
            return this;
        }

        Report expected(String... users) {
            expected = List.of(users);
            return this;
        }

        Report excluded(String... users) {
            excluded = List.of(users);
            return this;
        }

        Report uniqueUsers() {
            checkUserOnJoin = true;
            return this;
        }

        Report playerTtl(int ms) {
            playerTtl = ms;
            return this;
        }

        GameStateReport build() {
            List<String> keys = props.keySet().stream().map(Object::toString).toList();
            return new GameStateReport(gameId, APP, VERSION, lobbyName, lobbyType, active.size(), inactive.size(),
                    maxPlayers, open, visible, props, keys, checkUserOnJoin, false, active, inactive, expected,
                    excluded, playerTtl, 0);
        }
    }
}
