package dev.weft.assets.testsupport;

import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * The databases user data (a {@code JdbcIoManager}'s tables) is kept in by the tests: a SQLite
 * file, or the test JVM's one embedded PostgreSQL of {@link TestStore} (tests use tables of their
 * own).
 */
public enum TestDatabase {
  /** A SQLite file in the directory. */
  SQLITE {
    @Override
    public DataSource dataSource(Path dir) {
      SQLiteDataSource ds = new SQLiteDataSource();
      ds.setUrl("jdbc:sqlite:" + dir.resolve("data.db"));
      return ds;
    }
  },
  /** The embedded PostgreSQL that {@link TestStore#POSTGRES} runs on. */
  POSTGRES {
    @Override
    public DataSource dataSource(Path dir) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(TestStore.postgresUrl());
      return ds;
    }
  };

  /** Returns a data source of this database for the directory of a test. */
  public abstract DataSource dataSource(Path dir);
}
