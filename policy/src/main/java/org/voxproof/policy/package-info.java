/** Authorisation and content decisions with machine-readable reasons. No I/O. */
package org.voxproof.policy;
