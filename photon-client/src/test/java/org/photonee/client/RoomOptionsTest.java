package org.photonee.client;

import org.junit.jupiter.api.Test;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.protocol.Parameters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RoomOptionsTest {
    @Test
    void expectedUsersAreSentAsAddUsersOnCreate() {
        Parameters p = new Parameters();
        RoomOptions.defaults().withMaxPlayers(2).withExpectedUsers("bob").writeCreateParameters(p);
        assertArrayEquals(new String[] {"bob"}, (String[]) p.get(ParameterCode.ADD_USERS));
    }

    @Test
    void noExpectedUsersNoAddUsers() {
        Parameters p = new Parameters();
        RoomOptions.defaults().writeCreateParameters(p);
        assertNull(p.get(ParameterCode.ADD_USERS));
    }
}
