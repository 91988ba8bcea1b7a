package dev.tributary.schemas.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Jackson's problems in one line a user can act on: what Jackson found and where, without the input echoed back. */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** For example {@code Unexpected end-of-input: expected close marker for Object at line 1, column 12}. */
    public static String describe(JsonProcessingException e) {
        String problem = e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ");
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return problem;
        }
        return problem + " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
