package org.photonee.it.support;

import org.photonee.core.peer.Transport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a process test's clients (and its game servers' links to the master) over this transport; without it they
 * use the container's endpoints.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface OverTransport {
    Transport value();
}
