package dev.tributary.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: the distribution's {@code initdb} and {@code postgres} (Debian's
 * {@code postgresql} package) run as a child process on 127.0.0.1 and a free port, with a fresh cluster in a
 * directory of the caller's, password authentication for the superuser {@value #USER}, and durability settings
 * turned off for speed ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes}).
 *
 * <p>PostgreSQL refuses to run as root. When the tests run as root, {@code initdb} and {@code postgres} run as the
 * OS account {@code postgres} (which the package creates), else {@code nobody}, through {@code setpriv}; the work
 * directory is handed to that account, so it must be one that the account can reach, such as a directory under
 * {@code /tmp}.
 *
 * <p>The server is stopped by {@link #close()} (a fast shutdown: open sessions are ended), by a shutdown hook when
 * the JVM exits, and, should the JVM be killed, by a small shell wrapper that stops it as soon as the JVM's end of
 * its standard input closes.
 *
 * <pre>{@code
 * try (PostgresServer server = PostgresServer.start(workDir)) {
 *     Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
 * }
 * }</pre>
 */
public final class PostgresServer implements AutoCloseable {

    /** What to do when PostgreSQL is not installed; tests that need it are skipped with this message. */
    public static final String NOT_FOUND = "PostgreSQL server not found: apt-get install postgresql";
    /** The address the server listens on. */
    public static final String HOST = "127.0.0.1";
    /** The superuser role, which owns everything the tests create. */
    public static final String USER = "postgres";
    /** The database that every cluster has. */
    public static final String DATABASE = "postgres";

    /** Where Debian installs each major version's server programs, which are not on the PATH. */
    private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");
    private static final Duration INIT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ServerProcess process;
    private final int port;
    private final String password;
    private final Path dataDir;
    private final Path logFile;

    private PostgresServer(ServerProcess process, int port, String password, Path dataDir, Path logFile) {
        this.process = process;
        this.port = port;
        this.password = password;
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    /**
     * The folder holding {@code initdb} and {@code postgres}: the first on the PATH that has both, else the newest
     * major version under {@code /usr/lib/postgresql/<version>/bin}.
     */
    public static Optional<Path> binDirectory() {
        return ServerProcess.searchPath(debianVersions())
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("postgres")))
                .findFirst();
    }

    /**
     * Creates a cluster in {@code workDir/data} and starts a server on it, returning once it accepts connections.
     *
     * @param workDir where the cluster, the password file and the log ({@code postgres.log}) go; created if needed
     * @throws IllegalStateException when PostgreSQL is not installed ({@link #NOT_FOUND}) or does not start; the
     *                               message then holds the end of its log
     */
    public static PostgresServer start(Path workDir) {
        Path bin = binDirectory().orElseThrow(() -> new IllegalStateException(NOT_FOUND));
        Optional<ServerAccount> account = ServerAccount.forCurrentUser();
        String password = randomPassword();
        Path dataDir = workDir.resolve("data");
        Path logFile = workDir.resolve("postgres.log");
        initialize(bin, account, workDir, dataDir, password, logFile);
        // The server writes its port into its lock file and cannot bind port 0, so the port is chosen before.
        return ServerProcess.onFreePort(port -> launch(bin, account, dataDir, port, password, logFile));
    }

    /** The JDBC URL of the {@value #DATABASE} database, such as {@code jdbc:postgresql://127.0.0.1:41532/postgres}. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** The JDBC URL of a database of this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** The superuser role to connect as: {@value #USER}. */
    public String user() {
        return USER;
    }

    /** The superuser's password, random for each server. */
    public String password() {
        return password;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server (a fast shutdown, then SIGKILL after ten seconds) and waits until it is gone. */
    @Override
    public void close() {
        process.close();
    }

    private static void initialize(Path bin, Optional<ServerAccount> account, Path workDir, Path dataDir,
                                   String password, Path logFile) {
        try {
            Files.createDirectories(workDir);
            Path passwordFile = workDir.resolve("password");
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            if (account.isPresent()) {
                account.get().own(workDir);
                account.get().own(passwordFile);
            }
            List<String> command = new ArrayList<>(asAccount(account));
            command.addAll(List.of(bin.resolve("initdb").toString(),
                    "--pgdata=" + dataDir,
                    "--username=" + USER,
                    "--pwfile=" + passwordFile,
                    "--auth=scram-sha-256",
                    "--encoding=UTF8",
                    "--locale=C",
                    "--no-sync",
                    "--no-instructions"));
            Process initdb = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            initdb.getOutputStream().close();
            if (!initdb.waitFor(INIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                initdb.destroyForcibly();
                throw new IllegalStateException("initdb did not finish within " + INIT_TIMEOUT + "; the end of "
                        + logFile + ":\n" + ServerProcess.logTail(logFile));
            }
            if (initdb.exitValue() != 0) {
                throw new IllegalStateException("initdb failed with exit code " + initdb.exitValue()
                        + account.map(a -> " as OS user " + a.name() + " (" + workDir + " must be reachable by it)")
                                .orElse("")
                        + "; the end of " + logFile + ":\n" + ServerProcess.logTail(logFile));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a PostgreSQL cluster in " + workDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating a PostgreSQL cluster in " + workDir, e);
        }
    }

    private static PostgresServer launch(Path bin, Optional<ServerAccount> account, Path dataDir, int port,
                                         String password, Path logFile) {
        List<String> command = new ArrayList<>(asAccount(account));
        command.addAll(List.of(bin.resolve("postgres").toString(),
                "-D", dataDir.toString(),
                "-p", Integer.toString(port),
                "-c", "listen_addresses=" + HOST,
                // TCP only: the distribution's socket directory is not writable by every account.
                "-c", "unix_socket_directories=",
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "shared_buffers=16MB",
                "-c", "max_connections=50"));
        try {
            // SIGINT is PostgreSQL's fast shutdown, which does not wait for clients to disconnect.
            ServerProcess process = ServerProcess.start("postgres", port, command, "INT", dataDir.getParent(),
                    logFile, STOP_TIMEOUT);
            PostgresServer server = new PostgresServer(process, port, password, dataDir, logFile);
            Path lockFile = dataDir.resolve("postmaster.pid");
            process.awaitReady(() -> server.ready(lockFile), START_TIMEOUT, "was not ready on port " + port);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start postgres on " + dataDir, e);
        }
    }

    /** The prefix that runs a program as the server's account, or nothing when the tests' own user will do. */
    private static List<String> asAccount(Optional<ServerAccount> account) {
        return account.map(ServerAccount::setprivPrefix).orElse(List.of());
    }

    /** Ready as {@code pg_ctl -w} judges it: the lock file's status line says {@code ready}. */
    private boolean ready(Path lockFile) {
        try {
            List<String> lines = Files.readAllLines(lockFile, StandardCharsets.UTF_8);
            // Line 4 is the port, line 8 the status: starting, ready or stopping.
            return lines.size() >= 8 && lines.get(3).strip().equals(Integer.toString(port))
                    && lines.get(7).strip().equals("ready");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static List<Path> debianVersions() {
        if (!Files.isDirectory(DEBIAN_VERSIONS)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
            return versions.filter(dir -> dir.getFileName().toString().matches("[0-9]+(\\.[0-9]+)?"))
                    .sorted(Comparator.comparingDouble((Path dir) -> Double.parseDouble(dir.getFileName().toString()))
                            .reversed())
                    .map(dir -> dir.resolve("bin"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
