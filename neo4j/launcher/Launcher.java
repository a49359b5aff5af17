/*
 * Launcher runs Neo4j Community embedded with a single Bolt connector on a
 * loopback address, for rodedraad's development, tests and CI. It is started
 * and stopped by internal/devneo4j (`rodedraad neo4j start|stop`).
 *
 * Usage: java -cp <classes>:<neo4j classpath> Launcher <home-dir> <host:port>
 *
 * Authentication is DISABLED: anyone who can open a socket on this machine can
 * read and write the database. That is acceptable only because the connector
 * refuses to listen on anything but a loopback address; never point it at a
 * public interface. Nothing in here reaches the network: usage reporting (UDC)
 * is off, server-side routing (which would open a second connector) is off and
 * no HTTP connector is on the classpath.
 *
 * Prints exactly one line starting with READY_PREFIX on stdout once the
 * default database is available and Bolt listens. SIGTERM (or Ctrl-C) shuts the
 * database down cleanly through the shutdown hook.
 */

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public final class Launcher {
    /** devneo4j waits for this prefix; keep both sides in sync. */
    static final String READY_PREFIX = "rodedraad-neo4j ready ";

    private static final long PAGE_CACHE = ByteUnit.mebiBytes(512);
    private static final long TX_LOG_ROTATION = ByteUnit.mebiBytes(16);
    private static final long AVAILABLE_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(5);

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            fail("usage: Launcher <home-dir> <host:port>");
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        SocketAddress bolt = parseLoopback(args[1]);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(bolt.getHostname()))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.routing_enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, PAGE_CACHE)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, TX_LOG_ROTATION)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // Netty waits 5s of quiet, twice, before Bolt stops; a dev database
                // with no clients left has nothing to wait for.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("rodedraad-neo4j shutting down");
            dbms.shutdown();
            System.out.println("rodedraad-neo4j stopped");
            stopped.countDown();
        }, "rodedraad-neo4j-shutdown"));

        String name = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
        if (!dbms.database(name).isAvailable(AVAILABLE_TIMEOUT_MS)) {
            fail("database " + name + " did not become available; see " + home.resolve("logs/debug.log"));
        }
        System.out.println(READY_PREFIX + "bolt://" + bolt + " home=" + home);
        System.out.flush();
        stopped.await();
    }

    private static SocketAddress parseLoopback(String hostPort) throws Exception {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            fail("address must be host:port, got " + hostPort);
        }
        String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
            fail("refusing to listen on " + hostPort + ": authentication is disabled, so only loopback addresses are allowed");
        }
        return new SocketAddress(host, port);
    }

    private static void fail(String message) {
        System.err.println("rodedraad-neo4j: " + message);
        System.exit(2);
    }
}
