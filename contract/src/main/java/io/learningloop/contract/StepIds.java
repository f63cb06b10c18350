package io.learningloop.contract;

import java.util.regex.Pattern;

/**
 * The ids of steps, which tools bring their own of: 1 to 100 letters, digits and {@code . _ : -},
 * starting with a letter or digit. The command side admits no other, so the read side can refuse any
 * other at once (a 5,000-character id would otherwise reach Elasticsearch, whose ids end at 512 bytes).
 */
public final class StepIds {

    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$";
    public static final String MESSAGE = "must be 1-100 letters, digits or . _ : - (starting with a letter or digit)";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private StepIds() {}

    public static boolean isValid(String id) {
        return id != null && id.length() <= 100 && VALID.matcher(id).matches();
    }
}
