package dev.tributary.schemas.avro;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** The Confluent wire format's header: magic byte 0, then the schema id as a 4-byte big-endian int. */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_SIZE = 1 + Integer.BYTES;

    private WireFormat() {
    }

    static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(schemaId).array());
    }

    /**
     * The schema id in the header of {@code data}, a record of {@code topic}.
     *
     * @throws AvroSerdeException when {@code data} does not start with a wire-format header
     */
    static int schemaId(String topic, byte[] data) {
        if (data.length < HEADER_SIZE) {
            throw new AvroSerdeException(topic, AvroSerdeException.Reason.TOO_SHORT, "the data has " + data.length
                    + " bytes, fewer than the " + HEADER_SIZE + " of the Confluent wire format's header (magic byte 0,"
                    + " 4-byte schema id): it was not written by an Avro serializer for a schema registry", null);
        }
        if (data[0] != MAGIC_BYTE) {
            throw new AvroSerdeException(topic, AvroSerdeException.Reason.UNKNOWN_MAGIC_BYTE, String.format(
                    "the data starts with byte 0x%02x, not the Confluent wire format's magic byte 0x00: it was not"
                            + " written by an Avro serializer for a schema registry (plain JSON or text starts"
                            + " with a printable character)", data[0]), null);
        }
        return ByteBuffer.wrap(data, 1, Integer.BYTES).getInt();
    }
}
