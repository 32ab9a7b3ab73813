/**
 * JPA entities and repositories (infrastructure). All entities live in the persistence unit {@code photon}, which
 * runs on the server's default data source ({@code java:comp/DefaultDataSource}): embedded H2 on Payara Micro and
 * in tests, whatever the operator points the default at in production (PostgreSQL, typically).
 */
package org.photonee.persistence;
