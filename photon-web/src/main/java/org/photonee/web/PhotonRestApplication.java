package org.photonee.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** REST resources live under {@code /photon/api}. */
@ApplicationPath("api")
public class PhotonRestApplication extends Application {
}
