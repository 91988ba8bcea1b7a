package dev.tributary.ingest.cron.internal;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.tributary.ingest.SettingsException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Reads cron expressions with cron-utils. The number of fields tells the dialect: five are UNIX cron, six or seven
 * are Quartz (seconds first, optional year), so an expression never changes meaning with a dialect setting.
 */
public final class CronExpressions {

    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private CronExpressions() {
    }

    /**
     * The parsed expression.
     *
     * @param path where the expression is set, for the error
     * @throws SettingsException when the expression is not valid or can never fire
     */
    public static Cron parse(String path, String expression) {
        String text = expression.trim();
        if (text.isEmpty()) {
            throw new SettingsException(path, "is empty: use a 5-field UNIX cron expression such as "
                    + "'*/5 * * * *' or a Quartz one with seconds such as '0 0/5 * * * ?'");
        }
        int fields = text.split("\\s+").length;
        String dialect = switch (fields) {
            case 5 -> "5-field";
            case 6, 7 -> "Quartz (seconds minutes hours day-of-month month day-of-week [year])";
            default -> throw new SettingsException(path, "'" + text + "' has " + fields + " fields: use 5 "
                    + "(minute hour day-of-month month day-of-week) or Quartz's 6 or 7 (second first, optional year)");
        };
        Cron cron;
        try {
            cron = (fields == 5 ? UNIX : QUARTZ).parse(text).validate();
        } catch (IllegalArgumentException e) {
            throw new SettingsException(path, "'" + text + "' is not a valid " + dialect + " cron expression: "
                    + e.getMessage());
        }
        if (ExecutionTime.forCron(cron).nextExecution(Instant.EPOCH.atZone(ZoneOffset.UTC)).isEmpty()) {
            throw new SettingsException(path, "'" + text + "' never fires: check the day-of-month and month");
        }
        return cron;
    }
}
