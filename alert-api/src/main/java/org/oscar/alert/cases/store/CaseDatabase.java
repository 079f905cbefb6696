package org.oscar.alert.cases.store;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;

/**
 * Where the case register lives: PostgreSQL, reached through Vert.x's reactive client so no handler
 * blocks the event loop. The schema is Flyway's versioned migrations under {@code db/migration},
 * applied at start-up (over JDBC, before the API serves).
 */
public record CaseDatabase(String host, int port, String database, String user, String password) {

  /** Applies any migration not applied yet. Blocking: call at start-up, off the event loop. */
  public void migrate() {
    Flyway.configure()
        .dataSource("jdbc:postgresql://" + host + ":" + port + "/" + database, user, password)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  public Pool pool(Vertx vertx, int maxSize) {
    PgConnectOptions connect =
        new PgConnectOptions()
            .setHost(host)
            .setPort(port)
            .setDatabase(database)
            .setUser(user)
            .setPassword(password)
            .setCachePreparedStatements(true);
    return Pool.pool(vertx, connect, new PoolOptions().setMaxSize(maxSize));
  }

  @Override
  public String toString() {
    return "CaseDatabase[" + user + "@" + host + ":" + port + "/" + database + "]";
  }
}
