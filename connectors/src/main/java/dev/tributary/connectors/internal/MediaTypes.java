package dev.tributary.connectors.internal;

import java.util.Locale;

/** What a content type says about the data, by its type and subtype, parameters ignored. */
public final class MediaTypes {

    public static final String JSON = "application/json";
    public static final String CLOUDEVENTS_JSON = "application/cloudevents+json; charset=UTF-8";

    private MediaTypes() {
    }

    /** {@code application/json}, {@code text/json} or any {@code +json} type, such as {@code application/ld+json}. */
    public static boolean isJson(String contentType) {
        String mediaType = mediaType(contentType);
        return mediaType.equals("application/json") || mediaType.equals("text/json") || mediaType.endsWith("+json");
    }

    /** Any {@code text/*} type: data that a structured event may carry as a string. */
    public static boolean isText(String contentType) {
        return mediaType(contentType).startsWith("text/");
    }

    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }
}
