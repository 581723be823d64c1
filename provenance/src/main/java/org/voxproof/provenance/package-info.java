/** VoxProof provenance. See this module's README.md. */
package org.voxproof.provenance;
