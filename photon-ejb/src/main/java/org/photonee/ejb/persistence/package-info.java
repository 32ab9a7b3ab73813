/**
 * The JPA side of the roles: {@link org.photonee.ejb.persistence.JpaRoomStateStore} keeps persistent rooms
 * (synchronously: a room is unloaded only after its state is committed), and
 * {@link org.photonee.ejb.persistence.JpaMasterObserver} writes the master's registry and game list behind its
 * in-memory view (batched once a second, never on the master fiber). The {@code @Stateless} beans here own the
 * transactions; the plain classes adapt them to the core interfaces.
 */
package org.photonee.ejb.persistence;
