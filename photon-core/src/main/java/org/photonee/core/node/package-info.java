/** Assembly of the roles one instance runs, shared by the container wiring and plain-Java end-to-end tests. */
package org.photonee.core.node;
