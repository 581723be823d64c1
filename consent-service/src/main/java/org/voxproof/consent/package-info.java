/** VoxProof consent. See this module's README.md. */
package org.voxproof.consent;
