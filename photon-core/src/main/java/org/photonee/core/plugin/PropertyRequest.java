package org.photonee.core.plugin;

import org.photonee.core.protocol.PhotonHashtable;

/**
 * A validated SetProperties (252) request as a plugin sees it.
 *
 * @param targetActorNr 0 for room properties, else the actor whose properties change
 * @param properties    the values to set (mutable before continuing BeforeSetProperties)
 * @param expected      expected values of a compare-and-set, or null
 * @param broadcast     the client asked for a PropertiesChanged event
 * @param webFlags      WebFlags (234), 0 when absent
 */
public record PropertyRequest(int targetActorNr, PhotonHashtable properties, PhotonHashtable expected,
                              boolean broadcast, int webFlags) {
}
