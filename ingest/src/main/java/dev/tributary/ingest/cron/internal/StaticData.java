package dev.tributary.ingest.cron.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.ingest.SettingsException;

/** The static JSON a schedule adds to its ticks. */
public final class StaticData {

    /** Only reads into trees, which an ObjectMapper does without changing state: safe to share. */
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StaticData() {
    }

    /** @throws SettingsException when {@code json} is not one JSON value */
    public static JsonNode parse(String path, String json) {
        if (json.isBlank()) {
            throw new SettingsException(path, "is blank: use a JSON value such as {\"report\":\"daily\"}, "
                    + "or no data at all");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ");
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new SettingsException(path, "is not valid JSON: " + problem + where);
        }
    }
}
