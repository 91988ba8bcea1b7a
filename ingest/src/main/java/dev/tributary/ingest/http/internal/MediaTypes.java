package dev.tributary.ingest.http.internal;

import java.util.Locale;

/** Just enough of RFC 9110 media types to pick a content mode and to tell JSON from other data. */
public final class MediaTypes {

    public static final String STRUCTURED = "application/cloudevents+json";
    public static final String BATCH = "application/cloudevents-batch+json";
    public static final String CLOUDEVENTS_PREFIX = "application/cloudevents";
    public static final String JSON = "application/json";
    public static final String OCTET_STREAM = "application/octet-stream";

    private MediaTypes() {
    }

    /** Type and subtype in lowercase without parameters; empty for {@code null}. */
    public static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Whether data of this content type is JSON: {@code application/json}, {@code text/json} or {@code +json}. */
    public static boolean isJson(String contentType) {
        String essence = essence(contentType);
        return essence.equals(JSON) || essence.equals("text/json") || essence.endsWith("+json");
    }
}
