/**
 * Container wiring (infrastructure): singleton EJBs that own the roles' applications, fibers on managed executors,
 * and configuration through MicroProfile Config. Domain logic stays in {@code photon-core}.
 */
package org.photonee.ejb;
