package org.voxproof.storage;

import java.sql.SQLException;

/**
 * Work done with one connection, inside {@link Storage#read} or one transaction of {@link
 * Storage#write}.
 */
@FunctionalInterface
public interface SqlWork<T> {
  T apply(Sql sql) throws SQLException, StorageException;
}
