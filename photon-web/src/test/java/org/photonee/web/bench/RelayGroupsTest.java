package org.photonee.web.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelayGroupsTest {
    @Test
    void relaysToEveryMemberOfTheSenderGroupOnlyIncludingTheSender() {
        RelayGroups<String> groups = new RelayGroups<>();
        for (int i = 0; i < 16; i++) {
            groups.join("g" + i / 8, "u" + i);
        }
        List<String> got = new ArrayList<>();
        assertEquals(8, groups.relay("g1", got::add));
        assertEquals(List.of("u8", "u9", "u10", "u11", "u12", "u13", "u14", "u15"), got);
        assertEquals(2, groups.groupCount());
    }

    @Test
    void leavingRemovesTheMemberAndEmptyGroupsDisappear() {
        RelayGroups<String> groups = new RelayGroups<>();
        groups.join("a", "x");
        groups.join("a", "y");
        groups.leave("a", "x");
        assertEquals(1, groups.size("a"));
        groups.leave("a", "y");
        assertEquals(0, groups.size("a"));
        assertEquals(0, groups.groupCount());
        assertEquals(0, groups.relay("a", m -> { throw new AssertionError("no members"); }));
        groups.leave("nope", "z"); // leaving an unknown group is harmless
    }
}
