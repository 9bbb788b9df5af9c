import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;

/**
 * Local development Neo4j: Neo4j Community embedded in a plain JVM, reachable over Bolt only, with
 * authentication on.
 *
 * <p>Run as a single-file program (no build step):
 *
 * <pre>
 *   NEO4J_LOCAL_PASSWORD=... java [jvm flags] -cp 'infra/neo4j/lib/*' infra/neo4j/Launcher.java \
 *       --home .infra/neo4j --page-cache-mib 512 [--bolt 127.0.0.1:7687]
 * </pre>
 *
 * <p>The password comes from the environment rather than the command line so that it does not show
 * up in {@code ps}. The launcher's password file is the source of truth: it is applied to the
 * {@code neo4j} user on every start, so a regenerated file also works for an existing store.
 *
 * <p>Prints {@code NEO4J_LOCAL_READY bolt://host:port} once the password is in place. SIGTERM (or
 * Ctrl-C) shuts the DBMS down through a shutdown hook, so the store needs no recovery next time.
 */
public class Launcher {
  private static final String PASSWORD_ENV = "NEO4J_LOCAL_PASSWORD";
  private static final int MIN_PASSWORD_LENGTH = 8; // Neo4j's default dbms.security.auth_minimum_password_length
  private static final Duration DEFAULT_DATABASE_WAIT = Duration.ofSeconds(60);
  private static final String USAGE = "usage: Launcher --home <dir> --page-cache-mib <n> [--bolt host:port]";

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = parseArgs(argv);
    Path home = Path.of(require(args, "--home")).toAbsolutePath();
    long pageCacheMiB = Long.parseLong(require(args, "--page-cache-mib"));
    SocketAddress bolt = parseAddress(args.getOrDefault("--bolt", "127.0.0.1:7687"));
    String password = System.getenv(PASSWORD_ENV);
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      fail(PASSWORD_ENV + " must hold a password of at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    Files.createDirectories(home);

    // A fresh store starts with neo4j/neo4j. Replace that before Bolt ever listens, so nobody on
    // this machine can log in with the default and claim the account first. Costs one extra
    // start/stop of the DBMS, on the very first run only.
    boolean freshStore = !Files.isDirectory(home.resolve("data").resolve("databases").resolve("system"));
    if (freshStore) {
      DatabaseManagementService bootstrap = start(home, pageCacheMiB, null);
      try {
        setPassword(bootstrap, password);
      } finally {
        bootstrap.shutdown();
      }
    }

    // The hook is in place before the real start, so a SIGTERM that arrives mid-start still closes
    // whatever was opened.
    AtomicReference<DatabaseManagementService> running = new AtomicReference<>();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      DatabaseManagementService dbms = running.getAndSet(null);
      if (dbms != null) {
        System.out.println("NEO4J_LOCAL_STOPPING");
        dbms.shutdown();
        System.out.println("NEO4J_LOCAL_STOPPED");
      }
      stopped.countDown();
    }, "neo4j-local-shutdown"));

    try {
      running.set(start(home, pageCacheMiB, bolt));
      requireDefaultDatabase(running.get());
      if (!freshStore) {
        setPassword(running.get(), password);
      }
    } catch (RuntimeException e) {
      // Neo4j can come up with a failed database and stay up; exiting hands the cause to whoever
      // started us now instead of leaving them polling a server that will never be ready.
      e.printStackTrace();
      System.exit(2); // runs the shutdown hook
    }
    stopQueryCollection(running.get());
    System.out.println("NEO4J_LOCAL_READY bolt://" + bolt);
    stopped.await();
  }

  /** Starts the DBMS; {@code bolt == null} keeps every network connector closed. */
  private static DatabaseManagementService start(Path home, long pageCacheMiB, SocketAddress bolt) {
    DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, bolt != null)
        .setConfig(HttpConnector.enabled, false)
        .setConfig(HttpsConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        // Neo4j re-plans a cached query once the statistics it was planned on have drifted, at most
        // every 10 s by default. A growing store (cases, bindings, call decisions and audit records
        // arriving hundreds a second) drifts past the threshold that often, and each re-plan of a
        // hot query held every request waiting on it for 250-500 ms while both cores planned and
        // compiled. Five minutes keeps plans fresh as the data grows without those stalls; the same
        // value is what docs/operations.md recommends for production servers.
        .setConfig(GraphDatabaseSettings.cypher_min_replan_interval, Duration.ofMinutes(5))
        // Neo4j's defaults keep two days of transaction logs in 256 MiB files, each preallocated in
        // full. On a development machine that runs test suites and benchmarks all day, that is
        // growth without a useful bound, and a 512 MiB demand at the very first start: on a nearly
        // full disk the preallocation fails and the store does not start. A local store needs no
        // point-in-time recovery beyond the last checkpoint, so keep two small files and allocate
        // as they fill.
        .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
        .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
        .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false);
    if (bolt != null) {
      builder
          .setConfig(BoltConnector.listen_address, bolt)
          .setConfig(BoltConnector.advertised_address, bolt)
          .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
    }
    return builder.build();
  }

  /**
   * Neo4j 5 starts its data collector's QUERIES section with every database: it keeps the last
   * 8,192 queries, parameters included, on the heap. Those parameters are real phone numbers and ID
   * numbers, which should not sit in a diagnostics buffer. And at hundreds of statements a second
   * each snapshot outlives a young collection: under the API benchmark's load, Neo4j's young GC
   * pauses averaged about 25 ms with it and 5-8 ms without. docs/operations.md asks the same of
   * production servers.
   */
  private static void stopQueryCollection(DatabaseManagementService dbms) {
    try {
      dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("CALL db.stats.stop('QUERIES')");
    } catch (RuntimeException e) {
      // Diagnostics only: the server works either way, so say so and go on.
      System.out.println("NEO4J_LOCAL_WARNING could not stop query collection: " + e.getMessage());
    }
  }

  private static void requireDefaultDatabase(DatabaseManagementService dbms) {
    String name = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
    if (!dbms.database(name).isAvailable(DEFAULT_DATABASE_WAIT.toMillis())) {
      throw new IllegalStateException(
          "database '" + name + "' did not become available within " + DEFAULT_DATABASE_WAIT.toSeconds()
              + " s; its cause is in logs/debug.log");
    }
  }

  /**
   * Embedded transactions run with full privileges, so the system database accepts the change
   * without the old password. Neo4j refuses to "change" a password to its current value; that just
   * means there is nothing to do, apart from making sure no change is demanded at the next login.
   */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    try {
      system.executeTransactionally(
          "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (QueryExecutionException e) {
      if (e.getMessage() == null || !e.getMessage().contains("Old password and new password cannot be the same")) {
        throw e;
      }
      system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
    }
  }

  private static SocketAddress parseAddress(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0) {
      fail("--bolt must be host:port, got " + hostPort);
    }
    return new SocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }

  private static Map<String, String> parseArgs(String[] argv) {
    Map<String, String> args = new HashMap<>();
    for (int i = 0; i < argv.length; i += 2) {
      if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
        fail(USAGE);
      }
      args.put(argv[i], argv[i + 1]);
    }
    return args;
  }

  private static String require(Map<String, String> args, String name) {
    String value = args.get(name);
    if (value == null) {
      fail("missing " + name + " (" + USAGE + ")");
    }
    return value;
  }

  private static void fail(String message) {
    System.err.println("Launcher: " + message);
    System.exit(64);
  }
}
