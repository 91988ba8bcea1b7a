package dev.tributary.bench.ingest;

import java.util.List;

/**
 * An ingest adapter under load: the adapter's main, the load generator's main and its arguments, and the topic the
 * adapter writes. The runner adds {@code --bootstrap} and {@code --topic} for the adapter, and {@code --port} and
 * the load window for the generator.
 */
record IngestContender(String id, Class<?> adapterMain, Class<?> loadMain, List<String> loadArgs, String topic) {
}
