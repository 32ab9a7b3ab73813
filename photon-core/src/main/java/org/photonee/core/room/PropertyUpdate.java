package org.photonee.core.room;

import static org.photonee.core.room.RequestValues.invalid;

import java.util.Map;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.Values;

/**
 * A parsed SetProperties (252) request: which table, the new values, whether to broadcast, and the expected
 * values of a compare-and-set.
 */
record PropertyUpdate(int targetActorNr, PhotonHashtable properties, boolean broadcast, PhotonHashtable expected) {

    static PropertyUpdate parse(Parameters p) throws RoomException {
        PhotonHashtable properties = RequestValues.optionalTable(p.get(ParameterCode.PROPERTIES), "Properties");
        if (properties == null || properties.isEmpty()) {
            throw invalid("Properties (251) must not be empty");
        }
        int target = RequestValues.optionalInt(p.get(ParameterCode.ACTOR_NR), 0, "ActorNr");
        boolean broadcast = RequestValues.optionalBoolean(p.get(ParameterCode.BROADCAST), false, "Broadcast");
        PhotonHashtable expected = RequestValues.optionalTable(p.get(ParameterCode.EXPECTED_VALUES),
                "ExpectedValues");
        return new PropertyUpdate(target, new PhotonHashtable(properties), broadcast,
                expected == null || expected.isEmpty() ? null : expected);
    }

    boolean isCas() {
        return expected != null;
    }

    /** Compare-and-set: every expected key must hold the expected value now, else OperationInvalid. */
    void checkExpected(PhotonHashtable current) throws RoomException {
        if (expected == null) {
            return;
        }
        for (Map.Entry<Object, Object> e : expected.entrySet()) {
            Object actual = current.get(e.getKey());
            if (!sameValue(actual, e.getValue())) {
                throw invalid("CAS update failed: property='" + Values.toDebugString(e.getKey()) + "' has value='"
                        + Values.toDebugString(actual) + "', expected '" + Values.toDebugString(e.getValue()) + "'");
            }
        }
    }

    /** Numbers compare by value across types: a Json client's 4 (Integer) equals a binary client's (byte) 4. */
    static boolean sameValue(Object a, Object b) {
        if (Values.isIntegral(a) && Values.isIntegral(b)) {
            return Values.toLong(a) == Values.toLong(b);
        }
        return Values.deepEquals(a, b);
    }
}
