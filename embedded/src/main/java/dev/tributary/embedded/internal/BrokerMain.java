package dev.tributary.embedded.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Entry point of the child broker JVM: formats the storage on first start only, then runs Kafka's own
 * {@code kafka.Kafka} main. When the parent process goes away, even by SIGKILL, the broker shuts down
 * cleanly instead of lingering as an orphan that holds the port and the data directory.
 *
 * <p>Arguments: the {@code server.properties} file and the cluster id to format with.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: BrokerMain SERVER_PROPERTIES CLUSTER_ID");
            System.exit(2);
        }
        String config = args[0];
        String clusterId = args[1];
        ParentWatch.exitWithParent();
        if (!isFormatted(config)) {
            format(config, clusterId);
        }
        kafka.Kafka.main(new String[] {config});
    }

    /** A restart on existing data keeps its cluster id and its records: format only an empty directory. */
    private static boolean isFormatted(String config) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(config))) {
            properties.load(in);
        } catch (IOException e) {
            System.err.println("cannot read " + config + ": " + e);
            System.exit(2);
        }
        return Files.exists(Path.of(properties.getProperty("log.dirs"), "meta.properties"));
    }

    private static void format(String config, String clusterId) {
        int status = kafka.tools.StorageTool.execute(
                new String[] {"format", "--cluster-id", clusterId, "--config", config}, System.out);
        if (status != 0) {
            System.err.println("formatting the Kafka storage failed with status " + status);
            System.exit(status);
        }
    }
}
