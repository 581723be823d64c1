/** VoxProof ledger. See this module's README.md. */
package org.voxproof.ledger;
