package dev.tributary.launcher.deploy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Helm template read without Helm: its actions ({@code {{ ... }}}) located, their blocks checked for balance, the
 * bodies of its {@code define}s cut out, and its text with every action removed, which for the chart's templates is
 * still YAML (actions stand alone on their lines or in place of a scalar).
 */
final class HelmTemplate {

    private static final Pattern ACTION = Pattern.compile("\\{\\{-?(.*?)-?}}", Pattern.DOTALL);
    private static final Pattern KEYWORD = Pattern.compile("^\\s*(/\\*|[a-z]+)");
    private static final Pattern DEFINE_NAME = Pattern.compile("define\\s+\"([^\"]+)\"");
    private static final Pattern INCLUDE = Pattern.compile("\\b(?:include|template)\\s+\"([^\"]+)\"");
    private static final List<String> OPENERS = List.of("if", "range", "with", "define", "block");

    private final String name;
    private final String text;
    private final Map<String, String> defines = new LinkedHashMap<>();
    private final List<String> includes = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();

    HelmTemplate(String name, String text) {
        this.name = name;
        this.text = text;
        parse();
    }

    private void parse() {
        record Open(String keyword, String defineName, int bodyStart, int line) {
        }
        Deque<Open> open = new ArrayDeque<>();
        Matcher matcher = ACTION.matcher(text);
        while (matcher.find()) {
            String action = matcher.group(1);
            actions.add(action);
            Matcher include = INCLUDE.matcher(action);
            while (include.find()) {
                includes.add(include.group(1));
            }
            Matcher keywordMatcher = KEYWORD.matcher(action);
            String keyword = keywordMatcher.find() ? keywordMatcher.group(1) : "";
            int line = lineOf(matcher.start());
            if (OPENERS.contains(keyword)) {
                Matcher defineName = DEFINE_NAME.matcher(action);
                open.push(new Open(keyword, keyword.equals("define") && defineName.find() ? defineName.group(1) : null,
                        matcher.end(), line));
            } else if (keyword.equals("end")) {
                if (open.isEmpty()) {
                    throw new IllegalStateException(name + ":" + line + ": {{ end }} without an opening block");
                }
                Open block = open.pop();
                if (block.defineName() != null) {
                    defines.put(block.defineName(), text.substring(block.bodyStart(), matcher.start()));
                }
            } else if (keyword.equals("else") && open.isEmpty()) {
                throw new IllegalStateException(name + ":" + line + ": {{ else }} outside of a block");
            }
        }
        if (!open.isEmpty()) {
            Open block = open.peek();
            throw new IllegalStateException(name + ":" + block.line() + ": {{ " + block.keyword() + " }} is never ended");
        }
    }

    private int lineOf(int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The text with every action removed. */
    static String stripActions(String text) {
        return ACTION.matcher(text).replaceAll("");
    }

    String stripped() {
        return stripActions(text);
    }

    String name() {
        return name;
    }

    String text() {
        return text;
    }

    /** The bodies of the named templates this file defines, by name. */
    Map<String, String> defines() {
        return defines;
    }

    /** The names this file includes. */
    List<String> includes() {
        return includes;
    }

    /** The inside of every action, in order. */
    List<String> actions() {
        return actions;
    }
}
