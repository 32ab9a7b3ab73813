package org.photonee.examples.referee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.plugin.testing.TestPlayer;
import org.photonee.core.plugin.testing.TestRoom;
import org.photonee.core.protocol.PhotonHashtable;

/** The referee in a real room on a virtual clock: the pattern for testing any plugin. */
class TurnRefereeTest {
    private final TestRoom game = TestRoom.create(new TurnRefereeFactory(), Map.of("turnSeconds", "10"), "alice");
    private final TestPlayer alice = game.creator();
    private final TestPlayer bob = game.join("bob");

    @Test
    void theGameStartsWithTheSecondPlayerAndTheFirstActorMoves() {
        assertEquals(1, game.room().customProperties().get(TurnReferee.TURN));
        alice.raise(TurnReferee.MOVE, "e4");
        assertEquals("e4", bob.events(TurnReferee.MOVE).get(0).parameters().get(ParameterCode.DATA));
        assertEquals(2, game.room().customProperties().get(TurnReferee.TURN));
    }

    @Test
    void aMoveOutOfTurnIsRefusedAndNotRelayed() {
        bob.raise(TurnReferee.MOVE, "e5");
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, bob.lastResponse().returnCode());
        assertEquals("Not your turn: it is actor 1's", bob.lastResponse().debugMessage());
        assertTrue(alice.events(TurnReferee.MOVE).isEmpty());
    }

    @Test
    void otherEventsPassFreely() {
        bob.raise(7, "gg");
        assertEquals(1, alice.events(7).size());
    }

    @Test
    void aPlayerWhoLetsTheClockRunOutLosesAndTheRoomCloses() {
        alice.raise(TurnReferee.MOVE, "e4");
        game.advance(9_999);
        assertTrue(alice.events(TurnReferee.GAME_OVER).isEmpty(), "a good move restarted the clock");
        game.advance(1);
        PhotonHashtable over = (PhotonHashtable) alice.events(TurnReferee.GAME_OVER).get(0).parameters()
                .get(ParameterCode.DATA);
        assertEquals(2, over.get("loser"));
        assertEquals(1, bob.events(TurnReferee.GAME_OVER).size());
        assertFalse(game.room().isOpen());
        alice.raise(TurnReferee.MOVE, "e4");
        assertEquals("The game is over", alice.lastResponse().debugMessage());
    }
}
