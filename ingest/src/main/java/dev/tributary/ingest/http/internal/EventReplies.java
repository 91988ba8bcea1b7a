package dev.tributary.ingest.http.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The 400 answer for an event that cannot be accepted: the message and, when one is at fault, the attribute. */
public final class EventReplies {

    private EventReplies() {
    }

    public static Reply invalid(InvalidEventException e) {
        ObjectNode body = Reply.errorBody(e.getMessage());
        e.attribute().ifPresent(attribute -> body.put("attribute", attribute));
        return Reply.json(400, body);
    }
}
